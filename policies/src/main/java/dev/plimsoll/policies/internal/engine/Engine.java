package dev.plimsoll.policies.internal.engine;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Skip;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.internal.load.LoadResult;
import dev.plimsoll.policies.internal.load.ManifestLoader;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.rule.Namespaces;
import dev.plimsoll.policies.rule.ObjectRule;
import dev.plimsoll.policies.rule.Rule;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleDescriptor;
import dev.plimsoll.policies.rule.RuleOptions;
import dev.plimsoll.policies.rule.SetRule;
import dev.plimsoll.policies.yaml.Node;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Runs the rules of a catalog over loaded manifests, then applies config levels and waivers. */
public final class Engine {

    private final LintConfig config;
    private final RuleCatalog catalog;
    private final List<ObjectRule> objectRules = new ArrayList<>();
    private final List<SetRule> setRules = new ArrayList<>();

    public Engine(LintConfig config, RuleCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
        for (Rule rule : catalog.rules()) {
            if (rule instanceof ObjectRule objectRule) {
                objectRules.add(objectRule);
            }
            if (rule instanceof SetRule setRule) {
                setRules.add(setRule);
            }
        }
    }

    /**
     * Lints what the request names, one environment at a time: no rule relates objects of different environments, so
     * only one environment's documents are held in memory at once.
     */
    public Report run(LintRequest request, LocalDate today) {
        Waivers waivers = waivers(today);
        List<Finding> findings = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        long[] counts = new long[4];
        new ManifestLoader(config).loadEach(request, loaded -> {
            check(loaded, waivers, findings, skips);
            counts[0] += loaded.stats().files();
            counts[1] += loaded.stats().documents();
            counts[2] += loaded.stats().objects();
            counts[3] += loaded.stats().bytes();
        });
        Report.Stats stats = new Report.Stats((int) counts[0], (int) counts[1], (int) counts[2], counts[3]);
        return new Report(findings, skips, catalog.descriptors(), stats, config.failOn());
    }

    /** Lints what has been loaded; {@code today} decides which waivers have expired. */
    Report run(LoadResult loaded, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        check(loaded, waivers(today), findings, skips);
        return new Report(findings, skips, catalog.descriptors(), loaded.stats(), config.failOn());
    }

    private Waivers waivers(LocalDate today) {
        return new Waivers(
                config, catalog.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet()), today);
    }

    private void check(LoadResult loaded, Waivers waivers, List<Finding> findings, List<Skip> skips) {
        List<Attributed> raw = new ArrayList<>();
        List<Attributed> perObject = loaded.manifests().parallelStream()
                .map(this::checkObject)
                .flatMap(List::stream)
                .collect(Collectors.toList());
        raw.addAll(perObject);
        for (Map.Entry<String, List<Manifest>> env :
                byEnvironment(loaded.manifests()).entrySet()) {
            ManifestSet set = new ManifestSet(env.getKey().isEmpty() ? null : env.getKey(), env.getValue());
            for (SetRule rule : setRules) {
                if (off(rule, set.environment())) {
                    continue;
                }
                Context context = new Context(rule.descriptor());
                try {
                    rule.check(set, context);
                } catch (RuntimeException e) {
                    context.toolError(set.all().isEmpty() ? null : set.all().get(0), null, e);
                }
                raw.addAll(context.findings);
                skips.addAll(context.skips);
            }
        }
        for (Attributed attributed : perObject) {
            skips.addAll(attributed.skips);
        }

        for (Finding problem : loaded.problems()) {
            leveled(problem).ifPresent(findings::add);
        }
        for (Manifest object : loaded.manifests()) {
            for (Finding problem : waivers.check(object)) {
                leveled(problem).ifPresent(findings::add);
            }
        }
        for (Attributed attributed : raw) {
            if (attributed.finding == null) {
                continue;
            }
            Optional<Finding> leveled = leveled(attributed.finding);
            if (leveled.isPresent()) {
                findings.add(
                        attributed.object == null ? leveled.get() : waivers.apply(leveled.get(), attributed.object));
            }
        }
    }

    /**
     * True when the config switches {@code rule} off in {@code environment}: the rule does not run there, so it reports
     * neither findings nor skips, and cannot fail with a {@code tool-error}.
     */
    private boolean off(Rule rule, String environment) {
        RuleDescriptor descriptor = rule.descriptor();
        return config.severity(descriptor.id(), environment, descriptor.severity())
                .isEmpty();
    }

    private Optional<Finding> leveled(Finding finding) {
        return config.severity(finding.ruleId(), finding.environment(), finding.severity())
                .map(finding::withSeverity);
    }

    private List<Attributed> checkObject(Manifest object) {
        List<Attributed> out = new ArrayList<>();
        for (ObjectRule rule : objectRules) {
            if (off(rule, object.environment())) {
                continue;
            }
            Context context = new Context(rule.descriptor());
            try {
                rule.check(object, context);
            } catch (RuntimeException e) {
                context.toolError(object, object, e);
            }
            out.addAll(context.findings);
            if (!context.skips.isEmpty()) {
                out.add(new Attributed(null, object, context.skips));
            }
        }
        return out;
    }

    private static Map<String, List<Manifest>> byEnvironment(List<Manifest> manifests) {
        Map<String, List<Manifest>> groups = new TreeMap<>();
        for (Manifest manifest : manifests) {
            groups.computeIfAbsent(Objects.requireNonNullElse(manifest.environment(), ""), k -> new ArrayList<>())
                    .add(manifest);
        }
        return groups;
    }

    /** A finding (or only skips) with the object it was reported on, which waivers are read from. */
    private record Attributed(Finding finding, Manifest object, List<Skip> skips) {}

    private final class Context implements RuleContext {

        private final RuleDescriptor rule;
        private final List<Attributed> findings = new ArrayList<>();
        private final List<Skip> skips = new ArrayList<>();

        Context(RuleDescriptor rule) {
            this.rule = rule;
        }

        @Override
        public void report(Manifest object, Node at, String message) {
            findings.add(new Attributed(Findings.at(rule, object, at, message), object, List.of()));
        }

        @Override
        public void skip(Manifest object, String reason) {
            skips.add(new Skip(
                    rule.id(),
                    object.ref(),
                    Findings.location(object.file(), object.root()),
                    object.environment(),
                    reason));
        }

        @Override
        public RuleOptions options() {
            return config.rule(rule.id()).ruleOptions();
        }

        @Override
        public Namespaces namespaces() {
            return config.namespaces();
        }

        /**
         * Turns an exception escaping the rule into a {@code tool-error} finding: at {@code object} when one object was
         * being checked, else at the first object of the set ({@code at}), or the lint root when the set was empty.
         */
        void toolError(Manifest at, Manifest object, RuntimeException e) {
            String message = "rule " + rule.id() + " failed"
                    + (object == null ? "" : " on " + object.ref().display()) + ": " + e;
            Location location = at == null ? Location.ofFile(".") : Findings.location(at.file(), at.root());
            Finding finding =
                    Findings.diagnostic(Diagnostic.TOOL_ERROR, location, at == null ? null : at.environment(), message);
            if (object != null) {
                finding = new Finding(
                        finding.ruleId(),
                        finding.severity(),
                        finding.message(),
                        object.ref(),
                        location,
                        finding.environment(),
                        finding.remediation(),
                        null);
            }
            findings.add(new Attributed(finding, null, List.of()));
        }
    }
}
