package dev.plimsoll.policies.rule;

import java.util.List;

/** A rule's options as configured under {@code rules.<id>.options} in {@code plimsoll.yaml}. */
public interface RuleOptions {

    boolean bool(String name, boolean defaultValue);

    String string(String name, String defaultValue);

    List<String> strings(String name, List<String> defaultValue);

    /** Options without any value set. */
    RuleOptions NONE = new RuleOptions() {
        @Override
        public boolean bool(String name, boolean defaultValue) {
            return defaultValue;
        }

        @Override
        public String string(String name, String defaultValue) {
            return defaultValue;
        }

        @Override
        public List<String> strings(String name, List<String> defaultValue) {
            return defaultValue;
        }
    };
}
