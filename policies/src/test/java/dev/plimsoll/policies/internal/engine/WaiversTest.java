package dev.plimsoll.policies.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Waiver;
import dev.plimsoll.policies.config.ConfigException;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaiversTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final Set<String> KNOWN = Set.of(
            "image-digest",
            "netpol-default-deny",
            "pdb-present",
            "psa-labels",
            "resource-requests",
            "waiver-expired",
            "waiver-invalid");
    private static final Waivers WAIVERS = new Waivers(LintConfig.DEFAULT, KNOWN, TODAY);

    @Test
    void check_validWaiver_reportsNothing() {
        // given
        Manifest object = namespace("\"platform ingress needs privileged; expires=2026-06-30\"");

        // when
        List<Finding> problems = WAIVERS.check(object);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void apply_validWaiver_waivesTheFindingWithReasonAndExpiry() {
        // given
        Manifest object = namespace("\"platform ingress needs privileged; expires=2026-06-30\"");

        // when
        Finding finding = WAIVERS.apply(finding("psa-labels", object), object);

        // then
        assertThat(finding.waiver())
                .isEqualTo(new Waiver("platform ingress needs privileged", LocalDate.of(2026, 6, 30)));
    }

    @Test
    void apply_waiverWithoutExpiry_waivesForever() {
        // given
        Manifest object = namespace("\"the CNI enforces baseline on its own namespace\"");

        // when
        Finding finding = WAIVERS.apply(finding("psa-labels", object), object);

        // then
        assertThat(finding.waiver()).isEqualTo(new Waiver("the CNI enforces baseline on its own namespace", null));
    }

    @Test
    void apply_findingOfAnotherRule_isUnchanged() {
        // given
        Manifest object = namespace("\"platform ingress needs privileged\"");
        Finding unwaived = finding("netpol-default-deny", object);

        // when
        Finding finding = WAIVERS.apply(unwaived, object);

        // then
        assertThat(finding).isSameAs(unwaived);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"legacy chart; expires=2026-06-30\"",
                "\"legacy chart;expires=2026-06-30\"",
                "\"legacy chart, expires=2026-06-30\"",
                "\"legacy chart expires=2026-06-30\"",
                "\"legacy chart\\texpires = 2026-06-30  \"",
                "\"legacy chart; Expires=2026-06-30\"",
                "|\n      legacy chart\n      expires=2026-06-30"
            })
    void apply_expirySeparatedBySemicolonCommaOrWhitespace_isRead(String value) {
        // given
        Manifest object = namespace(value);

        // when
        Finding finding = WAIVERS.apply(finding("psa-labels", object), object);

        // then
        assertThat(WAIVERS.check(object)).isEmpty();
        assertThat(finding.waiver()).isEqualTo(new Waiver("legacy chart", LocalDate.of(2026, 6, 30)));
    }

    @Test
    void check_emptyReason_isInvalidAtTheValue() {
        // given
        Manifest object = namespace("\"  \"");

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx "
                        + "waiver for psa-labels has no reason; write why the finding is acceptable");
    }

    @Test
    void check_nothingButExpiry_isInvalid() {
        // given
        Manifest object = namespace("\"expires=2026-06-30\"");

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx "
                        + "waiver for psa-labels has no reason; write why the finding is acceptable");
    }

    @Test
    void check_missingValue_isInvalid() {
        // given
        Manifest object = namespace("");

        // when
        List<Finding> problems = WAIVERS.check(object);

        // then
        assertThat(problems)
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("waiver for psa-labels has no reason; write why the finding is acceptable");
    }

    @Test
    void check_valueNotAString_isInvalid() {
        // given
        Manifest object = namespace("true");

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx "
                        + "waiver for psa-labels must be a string, the reason; quote it");
    }

    @Test
    void check_unparsableDate_isInvalid() {
        // given
        Manifest object = namespace("\"legacy chart; expires=next-summer\"");

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx waiver for psa-labels has "
                        + "expiry 'next-summer', which is not a date (expected expires=YYYY-MM-DD)");
    }

    @Test
    void check_impossibleDate_isInvalid() {
        // given
        Manifest object = namespace("\"legacy chart; expires=2026-02-30\"");

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx waiver for psa-labels has "
                        + "expiry '2026-02-30', which is not a day of the calendar");
    }

    @Test
    void check_textAfterExpiry_isInvalid() {
        // given
        Manifest object = namespace("\"expires=2026-06-30; legacy chart\"");

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx waiver for psa-labels has "
                        + "text after its expiry; expires=YYYY-MM-DD must come last");
    }

    @Test
    void check_unknownRule_suggestsTheClosest() {
        // given
        Manifest object = manifest("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    plimsoll.dev/waive.image-digets: "vendor image has no digest"
                    plimsoll.dev/waive.cost-center: "not ours"
                    plimsoll.dev/waive.: "everything"
                """);

        // when
        List<String> problems = render(WAIVERS.check(object));

        // then
        assertThat(problems)
                .containsExactly(
                        "ns.yaml:7:38 waiver-invalid Deployment shop/web "
                                + "waiver names unknown rule 'image-digets' (did you mean 'image-digest'?)",
                        "ns.yaml:8:37 waiver-invalid Deployment shop/web waiver names unknown rule 'cost-center'",
                        "ns.yaml:9:26 waiver-invalid Deployment shop/web "
                                + "waiver annotation 'plimsoll.dev/waive.' names no rule");
    }

    @Test
    void check_ruleNotWaivable_isInvalidAndDoesNotApply() throws ConfigException {
        // given
        LintConfig config = LintConfig.parse("plimsoll.yaml", """
                rules:
                  psa-labels:
                    waivable: false
                """, KNOWN);
        Waivers waivers = new Waivers(config, KNOWN, TODAY);
        Manifest object = namespace("\"platform ingress needs privileged\"");

        // when
        List<String> problems = render(waivers.check(object));
        Finding finding = waivers.apply(finding("psa-labels", object), object);

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-invalid Namespace/ingress-nginx "
                        + "rule psa-labels may not be waived (plimsoll.yaml)");
        assertThat(finding.waived()).isFalse();
    }

    @Test
    void check_expired_reportsExpiredAndDoesNotApply() {
        // given
        Manifest object = namespace("\"platform ingress needs privileged; expires=2026-03-14\"");

        // when
        List<String> problems = render(WAIVERS.check(object));
        Finding finding = WAIVERS.apply(finding("psa-labels", object), object);

        // then
        assertThat(problems)
                .containsExactly("ns.yaml:6:36 waiver-expired Namespace/ingress-nginx "
                        + "waiver for psa-labels expired on 2026-03-14: platform ingress needs privileged");
        assertThat(finding.waived()).isFalse();
    }

    @Test
    void apply_expiresToday_stillApplies() {
        // given
        Manifest object = namespace("\"platform ingress needs privileged; expires=2026-03-15\"");

        // when
        List<Finding> problems = WAIVERS.check(object);
        Finding finding = WAIVERS.apply(finding("psa-labels", object), object);

        // then
        assertThat(problems).isEmpty();
        assertThat(finding.waived()).isTrue();
    }

    @Test
    void apply_waiverOfWaiverFindings_isInvalidAndDoesNotApply() {
        // given
        Manifest object = manifest("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  annotations:
                    plimsoll.dev/waive.waiver-invalid: "we know"
                    plimsoll.dev/waive.waiver-expired: "we know"
                """);
        Finding invalid = Findings.at(
                Diagnostic.WAIVER_INVALID.descriptor(), object, object.root(), "waiver for x has no reason");

        // when
        List<String> problems = render(WAIVERS.check(object));
        Finding finding = WAIVERS.apply(invalid, object);

        // then
        assertThat(problems)
                .containsExactly(
                        "ns.yaml:6:40 waiver-invalid Namespace/shop waiver-invalid findings cannot be waived",
                        "ns.yaml:7:40 waiver-invalid Namespace/shop waiver-expired findings cannot be waived");
        assertThat(finding.waived()).isFalse();
    }

    @Test
    void check_problem_carriesObjectEnvironmentAndPointer() {
        // given
        Manifest object = namespace("\"\"");

        // when
        Finding problem = WAIVERS.check(object).get(0);

        // then
        assertThat(problem.object()).isEqualTo(new ObjectRef("v1", "Namespace", "", "ingress-nginx"));
        assertThat(problem.environment()).isEqualTo("prod");
        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.location())
                .isEqualTo(new Location("ns.yaml", 6, 36, "/metadata/annotations/plimsoll.dev~1waive.psa-labels"));
        assertThat(problem.remediation())
                .isEqualTo(Diagnostic.WAIVER_INVALID.descriptor().remediation());
    }

    @Test
    void check_objectWithoutAnnotations_reportsNothing() {
        // given
        Manifest object = manifest("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels:
                    plimsoll.dev/waive.psa-labels: "labels are not waivers"
                """);

        // when
        List<Finding> problems = WAIVERS.check(object);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void check_examplesInDocs_areValid() throws IOException {
        // given
        String docs = Files.readString(Path.of(System.getProperty("plimsoll.repo"), "docs", "waivers.md"));
        int start = docs.indexOf("```yaml\nmetadata:\n") + "```yaml\n".length();
        Manifest object =
                manifest("apiVersion: v1\nkind: Namespace\n" + docs.substring(start, docs.indexOf("```", start)));

        // when
        List<Finding> problems = WAIVERS.check(object);

        // then
        assertThat(problems).isEmpty();
        assertThat(WAIVERS.apply(finding("psa-labels", object), object).waiver())
                .isEqualTo(
                        new Waiver("Node exporter reads host metrics and needs hostPID.", LocalDate.of(2026, 12, 31)));
    }

    /** A platform Namespace whose psa-labels waiver has {@code value} (YAML as written) at line 6, column 36. */
    private static Manifest namespace(String value) {
        return manifest("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: ingress-nginx
                  annotations:
                    plimsoll.dev/waive.psa-labels: %s
                """.formatted(value));
    }

    private static Manifest manifest(String yaml) {
        YamlReader.Result result = new YamlReader().read(yaml);
        assertThat(result.problems()).isEmpty();
        return new Manifest(
                "ns.yaml", 0, (MappingNode) result.documents().get(0).root(), "prod");
    }

    private static Finding finding(String ruleId, Manifest object) {
        return new Finding(
                ruleId,
                Severity.ERROR,
                "something is wrong",
                object.ref(),
                Findings.location(object.file(), object.root()),
                object.environment(),
                "Fix it.",
                null);
    }

    private static List<String> render(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.object().display() + " " + f.message())
                .toList();
    }
}
