package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.internal.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The rules a linter runs: the built-ins, plus third-party rules found through {@link ServiceLoader} on a class loader.
 * Immutable and thread-safe; ids are unique across rules and {@link Diagnostic}s.
 */
public final class RuleCatalog {

    private final List<Rule> rules;
    private final Map<String, RuleDescriptor> descriptors = new LinkedHashMap<>();

    private RuleCatalog(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(rule -> rule.descriptor().id()));
        this.rules = List.copyOf(sorted);
        for (Diagnostic diagnostic : Diagnostic.values()) {
            descriptors.put(diagnostic.id(), diagnostic.descriptor());
        }
        for (Rule rule : this.rules) {
            RuleDescriptor descriptor = rule.descriptor();
            if (descriptors.putIfAbsent(descriptor.id(), descriptor) != null) {
                throw new IllegalArgumentException("two rules have the id '" + descriptor.id() + "': "
                        + rule.getClass().getName());
            }
        }
    }

    /** The built-in rules only. */
    public static RuleCatalog builtIn() {
        return new RuleCatalog(BuiltInRules.all());
    }

    /** The built-in rules and every {@link Rule} service that {@code loader} provides. */
    public static RuleCatalog withPlugins(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>(BuiltInRules.all());
        ServiceLoader.load(Rule.class, loader).forEach(rules::add);
        return new RuleCatalog(rules);
    }

    /** Exactly the given rules (tests, embedders with their own selection). */
    public static RuleCatalog of(List<? extends Rule> rules) {
        return new RuleCatalog(List.copyOf(rules));
    }

    /** The rules, sorted by id. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every id a finding can carry: the diagnostics' and the rules', diagnostics first, each group sorted. */
    public List<RuleDescriptor> descriptors() {
        List<RuleDescriptor> all = new ArrayList<>(descriptors.values());
        all.sort(Comparator.comparing(
                        (RuleDescriptor d) -> Diagnostic.byId(d.id()).isEmpty())
                .thenComparing(RuleDescriptor::id));
        return all;
    }

    public Optional<RuleDescriptor> descriptor(String id) {
        return Optional.ofNullable(descriptors.get(id));
    }
}
