package dev.plimsoll.policies.internal.report;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Report;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one annotation per active finding; waived findings are not annotated. See
 * {@code docs/report-formats.md}.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.active()) {
            out.write(command(finding));
            out.write('\n');
        }
        out.flush();
    }

    static String command(Finding finding) {
        String level =
                switch (finding.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
        return "::" + level
                + " file=" + escapeProperty(finding.location().file())
                + ",line=" + finding.location().line()
                + ",col=" + finding.location().column()
                + ",title=" + escapeProperty(finding.ruleId())
                + "::" + escapeData(finding.message() + TextReporter.context(finding));
    }

    /** Escapes a command's message the way the Actions runner unescapes it ({@code %}, CR, LF). */
    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property value: the message escapes plus {@code :} and {@code ,}, which end a property. */
    static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
