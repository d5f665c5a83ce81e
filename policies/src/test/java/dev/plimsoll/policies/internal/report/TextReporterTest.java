package dev.plimsoll.policies.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Waiver;
import dev.plimsoll.policies.report.SampleReports;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void write_noFindings_printsOnlyTheInputCounted() throws IOException {
        // given
        Report report = SampleReports.clean();

        // when
        String output = write(report);

        // then
        assertThat(output).isEqualTo("No findings in 1 file (1 document).\n");
    }

    @Test
    void write_onlyWaivedFindings_countsThemInTheSummary() throws IOException {
        // given
        Report report = SampleReports.of(
                finding(Severity.ERROR, null).withWaiver(new Waiver("accepted risk", null)),
                SampleReports.IMAGE_DIGEST);

        // when
        String output = write(report);

        // then
        assertThat(output).isEqualTo("No findings in 1 file (1 document); 1 waived.\n");
    }

    @Test
    void write_oneOfEachSeverity_singularNouns() throws IOException {
        // given
        Report report = new Report(
                List.of(finding(Severity.ERROR, null), finding(Severity.WARNING, null), finding(Severity.INFO, null)),
                List.of(),
                List.of(SampleReports.IMAGE_DIGEST),
                new Report.Stats(2, 3, 3, 10),
                Severity.ERROR);

        // when
        String output = write(report);

        // then
        assertThat(output).endsWith("\n1 error, 1 warning, 1 info in 2 files (3 documents).\n");
    }

    @Test
    void line_findingWithoutObjectOrEnvironment_hasNoParenthesis() {
        // given
        Finding finding = finding(Severity.WARNING, null);

        // when
        String line = TextReporter.line(finding);

        // then
        assertThat(line).isEqualTo("a.yaml:3:4: warning [image-digest] broken");
    }

    @Test
    void line_findingWithEnvironmentOnly_namesIt() {
        // given
        Finding finding = finding(Severity.INFO, "prod");

        // when
        String line = TextReporter.line(finding);

        // then
        assertThat(line).isEqualTo("a.yaml:3:4: info [image-digest] broken (env prod)");
    }

    private static Finding finding(Severity severity, String environment) {
        return new Finding(
                SampleReports.IMAGE_DIGEST.id(),
                severity,
                "broken",
                null,
                new Location("a.yaml", 3, 4, ""),
                environment,
                "Fix it.",
                null);
    }

    private static String write(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter().write(report, out);
        return out.toString();
    }
}
