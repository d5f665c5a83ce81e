package dev.plimsoll.policies.internal.report;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Compiler-style lines, one per active finding, then a summary line; see {@code docs/report-formats.md}. */
public final class TextReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.active()) {
            out.write(line(finding));
            out.write('\n');
        }
        out.write(summary(report));
        out.write('\n');
        out.flush();
    }

    /** {@code file:line:col: severity [rule-id] message (Kind ns/name, env prod)}, always one line. */
    static String line(Finding finding) {
        return finding.location().file() + ":" + finding.location().line() + ":"
                + finding.location().column() + ": " + finding.severity().id() + " [" + finding.ruleId() + "] "
                + oneLine(finding.message()) + context(finding);
    }

    /** The object and environment a finding concerns, as {@code " (Kind ns/name, env prod)"}; empty when neither. */
    static String context(Finding finding) {
        List<String> parts = new ArrayList<>(2);
        if (finding.object() != null) {
            parts.add(finding.object().display());
        }
        if (finding.environment() != null) {
            parts.add("env " + finding.environment());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String summary(Report report) {
        Report.Stats stats = report.stats();
        String input = plural(stats.files(), "file") + " (" + plural(stats.documents(), "document") + ")";
        int waived = report.waived().size();
        String excused = waived == 0 ? "" : "; " + waived + " waived";
        if (report.active().isEmpty()) {
            return "No findings in " + input + excused + ".";
        }
        return plural(report.count(Severity.ERROR), "error") + ", " + plural(report.count(Severity.WARNING), "warning")
                + ", " + report.count(Severity.INFO) + " info in " + input + excused + ".";
    }

    // Tools that read compiler output (editors, problem matchers) take one finding per line, so a line break inside
    // a message is shown as the two characters \n.
    private static String oneLine(String message) {
        return message.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\\n");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
