package dev.plimsoll.policies.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.config.ConfigException;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.internal.load.LoadResult;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.ObjectRule;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleDescriptor;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.rule.SetRule;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final RuleCatalog CATALOG =
            RuleCatalog.of(List.of(new EveryObjectRule(), new EverySetRule(), new CrashingRule()));

    @Test
    void run_ruleOffGloballyButOnInOneEnvironment_runsThereOnly() throws ConfigException {
        // given
        LintConfig config = config("""
                rules:
                  every-object:
                    severity: off
                  every-set:
                    severity: off
                  crashing:
                    severity: off
                environments:
                  - name: prod
                    paths: [overlays/prod/**]
                    rules:
                      every-object: error
                      every-set: info
                """);
        List<Manifest> objects = List.of(namespace("shop", "prod", ""), namespace("shop", "dev", ""));

        // when
        Report report = new Engine(config, CATALOG).run(loaded(objects), TODAY);

        // then
        assertThat(render(report.findings()))
                .containsExactly(
                        "overlays/prod/ns.yaml:1:1 every-object error prod Namespace/shop",
                        "overlays/prod/ns.yaml:1:1 every-set info prod Namespace/shop");
    }

    @Test
    void run_ruleOnGloballyButOffInOneEnvironment_skipsItThere() throws ConfigException {
        // given
        LintConfig config = config("""
                rules:
                  crashing:
                    severity: off
                environments:
                  - name: dev
                    paths: [overlays/dev/**]
                    rules:
                      every-object: off
                      every-set: off
                """);
        List<Manifest> objects = List.of(namespace("shop", "prod", ""), namespace("shop", "dev", ""));

        // when
        Report report = new Engine(config, CATALOG).run(loaded(objects), TODAY);

        // then
        assertThat(render(report.findings()))
                .containsExactly(
                        "overlays/prod/ns.yaml:1:1 every-object warning prod Namespace/shop",
                        "overlays/prod/ns.yaml:1:1 every-set warning prod Namespace/shop");
    }

    @Test
    void run_crashingRuleSwitchedOff_reportsNoToolError() throws ConfigException {
        // given
        LintConfig on = config("""
                rules:
                  every-object: {severity: off}
                  every-set: {severity: off}
                """);
        LintConfig off = config("""
                rules:
                  every-object: {severity: off}
                  every-set: {severity: off}
                  crashing: {severity: off}
                """);
        List<Manifest> objects = List.of(namespace("shop", "prod", ""));

        // when
        Report whenOn = new Engine(on, CATALOG).run(loaded(objects), TODAY);
        Report whenOff = new Engine(off, CATALOG).run(loaded(objects), TODAY);

        // then
        assertThat(render(whenOn.findings()))
                .containsExactly("overlays/prod/ns.yaml:1:1 tool-error error prod Namespace/shop");
        assertThat(whenOff.findings()).isEmpty();
    }

    @Test
    void run_waivers_excuseFindingsAndReportExpiredOnes() throws ConfigException {
        // given
        LintConfig config = config("""
                rules:
                  every-set: {severity: off}
                  crashing: {severity: off}
                """);
        List<Manifest> objects = List.of(
                namespace("shop", "prod", "plimsoll.dev/waive.every-object: \"tenant onboarding; expires=2026-03-15\""),
                namespace(
                        "blog", "prod", "plimsoll.dev/waive.every-object: \"tenant onboarding; expires=2026-03-14\""));

        // when
        Report report = new Engine(config, CATALOG).run(loaded(objects), TODAY);

        // then
        assertThat(render(report.findings()))
                .containsExactly(
                        "overlays/prod/ns.yaml:1:1 every-object warning prod Namespace/blog",
                        "overlays/prod/ns.yaml:1:1 every-object warning prod Namespace/shop "
                                + "waived: tenant onboarding",
                        "overlays/prod/ns.yaml:6:38 waiver-expired warning prod Namespace/blog");
        assertThat(report.waived()).hasSize(1);
    }

    @Test
    void run_waiverFindings_getTheirConfiguredLevel() throws ConfigException {
        // given
        LintConfig config = config("""
                rules:
                  every-object: {severity: off}
                  every-set: {severity: off}
                  crashing: {severity: off}
                  waiver-invalid: {severity: warning}
                """);
        List<Manifest> objects = List.of(namespace("shop", "prod", "plimsoll.dev/waive.every-object: \"\""));

        // when
        Report report = new Engine(config, CATALOG).run(loaded(objects), TODAY);

        // then
        assertThat(render(report.findings()))
                .containsExactly("overlays/prod/ns.yaml:6:38 waiver-invalid warning prod Namespace/shop");
    }

    private static LintConfig config(String yaml) throws ConfigException {
        Set<String> ids =
                CATALOG.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toUnmodifiableSet());
        return LintConfig.parse("plimsoll.yaml", yaml, ids);
    }

    /** A Namespace in {@code overlays/<environment>/ns.yaml}, with {@code annotation} (at line 6) if not empty. */
    private static Manifest namespace(String name, String environment, String annotation) {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  annotations:
                    %s
                """.formatted(name, annotation);
        YamlReader.Result result = new YamlReader().read(yaml);
        assertThat(result.problems()).isEmpty();
        return new Manifest(
                "overlays/" + environment + "/ns.yaml",
                0,
                (MappingNode) result.documents().get(0).root(),
                environment);
    }

    private static LoadResult loaded(List<Manifest> objects) {
        return new LoadResult(objects, List.of(), new Report.Stats(objects.size(), objects.size(), objects.size(), 0));
    }

    /** {@code file:line:col rule severity environment Kind/name}, and the reason when waived. */
    private static List<String> render(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity().id() + " " + f.environment() + " "
                        + f.object().display()
                        + (f.waived() ? " waived: " + f.waiver().reason() : ""))
                .toList();
    }

    @RuleInfo(
            id = "every-object",
            summary = "Reports every object.",
            severity = Severity.WARNING,
            category = Category.RESOURCES,
            since = "0.1.0",
            remediation = "Nothing to do.")
    private static final class EveryObjectRule implements ObjectRule {
        @Override
        public void check(Manifest object, RuleContext context) {
            context.report(object, object.root(), "seen");
        }
    }

    @RuleInfo(
            id = "every-set",
            summary = "Reports the first object of every set.",
            severity = Severity.WARNING,
            category = Category.RESOURCES,
            since = "0.1.0",
            remediation = "Nothing to do.")
    private static final class EverySetRule implements SetRule {
        @Override
        public void check(ManifestSet objects, RuleContext context) {
            Manifest first = objects.all().get(0);
            context.report(first, first.root(), "seen");
        }
    }

    @RuleInfo(
            id = "crashing",
            summary = "Fails on every object.",
            severity = Severity.ERROR,
            category = Category.RESOURCES,
            since = "0.1.0",
            remediation = "Nothing to do.")
    private static final class CrashingRule implements ObjectRule {
        @Override
        public void check(Manifest object, RuleContext context) {
            throw new IllegalStateException("boom");
        }
    }
}
