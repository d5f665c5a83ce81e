package dev.plimsoll.policies.config;

import dev.plimsoll.policies.rule.RuleOptions;
import java.util.List;
import java.util.Map;

/**
 * One entry under {@code rules:}: the level ({@code null} keeps the rule's default), whether waivers may excuse its
 * findings, and its options (JSON-like values: String, Boolean, Number, List, Map).
 */
public record RuleConfig(Level level, boolean waivable, Map<String, Object> options) {

    public static final RuleConfig DEFAULT = new RuleConfig(null, true, Map.of());

    public RuleConfig {
        options = Map.copyOf(options);
    }

    public RuleOptions ruleOptions() {
        return new RuleOptions() {
            @Override
            public boolean bool(String name, boolean defaultValue) {
                return options.get(name) instanceof Boolean value ? value : defaultValue;
            }

            @Override
            public String string(String name, String defaultValue) {
                return options.get(name) instanceof String value ? value : defaultValue;
            }

            @Override
            public List<String> strings(String name, List<String> defaultValue) {
                if (!(options.get(name) instanceof List<?> values)) {
                    return defaultValue;
                }
                return values.stream().map(String::valueOf).toList();
            }
        };
    }
}
