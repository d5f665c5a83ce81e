package dev.plimsoll.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Waiver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenFindingsTest {

    private static final Path ROOT = Path.of("/repo").toAbsolutePath();

    private static Finding finding(Severity severity, String file, String environment, Waiver waiver) {
        return new Finding(
                "image-digest",
                severity,
                "container 'web' uses image 'web:1.0'\npinned by tag only",
                new ObjectRef("apps/v1", "Deployment", "shop", "web"),
                new Location(file, 18, 7, "/spec/template/spec/containers/0/image"),
                environment,
                "Pin the image by digest.",
                waiver);
    }

    @Test
    void line_finding_absoluteFileLineColumnThenRuleMessageAndContextOnOneLine() {
        // when
        String line = MavenFindings.line(finding(Severity.ERROR, "apps/prod/web.yaml", "prod", null), ROOT);

        // then
        assertThat(line)
                .isEqualTo(ROOT.resolve("apps/prod/web.yaml") + ":18:7: [image-digest] container 'web' uses image"
                        + " 'web:1.0'\\npinned by tag only (Deployment shop/web, env prod)");
    }

    @Test
    void line_fileProblemOutsideEnvironments_noContext() {
        // given
        Finding problem = new Finding(
                "yaml-syntax", Severity.ERROR, "bad", null, Location.ofFile("a.yaml"), null, "Fix it.", null);

        // when
        String line = MavenFindings.line(problem, ROOT);

        // then
        assertThat(line).isEqualTo(ROOT.resolve("a.yaml") + ":1:1: [yaml-syntax] bad");
    }

    @Test
    void summary_report_activeBySeverityFilesAndWaived() {
        // given
        Report report = new Report(
                List.of(
                        finding(Severity.ERROR, "a.yaml", null, null),
                        finding(Severity.WARNING, "b.yaml", null, null),
                        finding(Severity.ERROR, "c.yaml", null, new Waiver("vendor image", null))),
                List.of(),
                List.of(),
                new Report.Stats(3, 4, 4, 100),
                Severity.ERROR);

        // when / then
        assertThat(MavenFindings.summary(report)).isEqualTo("1 error, 1 warning, 0 info in 3 files; 1 waived");
        assertThat(MavenFindings.threshold(report)).isEqualTo("error");
    }
}
