package dev.plimsoll.policies.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Waiver;
import dev.plimsoll.policies.report.SampleReports;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    @Test
    void escapeData_percentAndLineBreaks_percentEncoded() {
        // given
        String message = "100% pinned\r\nnext: a,b";

        // when
        String escaped = GithubReporter.escapeData(message);

        // then
        assertThat(escaped).isEqualTo("100%25 pinned%0D%0Anext: a,b");
    }

    @Test
    void escapeProperty_colonCommaAndPercent_percentEncoded() {
        // given
        String file = "dir,a/b:c%d.yaml";

        // when
        String escaped = GithubReporter.escapeProperty(file);

        // then
        assertThat(escaped).isEqualTo("dir%2Ca/b%3Ac%25d.yaml");
    }

    @Test
    void command_infoFindingWithObject_noticeWithObjectAfterMessage() {
        // given
        Finding finding = finding(Severity.INFO, "note: 50%\nmore");

        // when
        String command = GithubReporter.command(finding);

        // then
        assertThat(command)
                .isEqualTo("::notice file=a%2Cb.yaml,line=7,col=9,title=image-digest::note: 50%25%0Amore"
                        + " (Deployment shop/web, env prod)");
    }

    @Test
    void write_waivedFinding_notAnnotated() throws IOException {
        // given
        Report report = SampleReports.of(
                finding(Severity.ERROR, "waived").withWaiver(new Waiver("accepted", null)), SampleReports.IMAGE_DIGEST);
        StringWriter out = new StringWriter();

        // when
        new GithubReporter().write(report, out);

        // then
        assertThat(out.toString()).isEmpty();
    }

    private static Finding finding(Severity severity, String message) {
        return new Finding(
                SampleReports.IMAGE_DIGEST.id(),
                severity,
                message,
                new ObjectRef("apps/v1", "Deployment", "shop", "web"),
                new Location("a,b.yaml", 7, 9, "/spec"),
                "prod",
                "Fix it.",
                null);
    }
}
