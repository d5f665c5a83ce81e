package dev.plimsoll.maven;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Findings as Maven log lines: errors as {@code [ERROR]}, warnings as {@code [WARNING]}, each starting with the
 * absolute {@code file:line:col}, which IDEs and CI problem matchers turn into links.
 */
final class MavenFindings {

    private MavenFindings() {}

    /** Logs every active finding at its severity; {@code root} is what the findings' paths are relative to. */
    static void log(Log log, Report report, Path root) {
        for (Finding finding : report.active()) {
            String line = line(finding, root);
            switch (finding.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case INFO -> log.info(line);
            }
        }
        if (log.isDebugEnabled()) {
            for (Finding finding : report.waived()) {
                log.debug("waived (" + finding.waiver().reason() + "): " + line(finding, root));
            }
        }
    }

    /** {@code /abs/file.yaml:12:5: [rule-id] message (Kind ns/name, env prod)}, always one line. */
    static String line(Finding finding, Path root) {
        Location location = finding.location();
        List<String> context = new ArrayList<>(2);
        if (finding.object() != null) {
            context.add(finding.object().display());
        }
        if (finding.environment() != null) {
            context.add("env " + finding.environment());
        }
        return root.resolve(location.file()) + ":" + location.line() + ":" + location.column() + ": ["
                + finding.ruleId() + "] "
                + finding.message().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\\n")
                + (context.isEmpty() ? "" : " (" + String.join(", ", context) + ")");
    }

    /** {@code 2 errors, 1 warning, 0 info in 12 files; 1 waived}. */
    static String summary(Report report) {
        int waived = report.waived().size();
        return plural(report.count(Severity.ERROR), "error") + ", " + plural(report.count(Severity.WARNING), "warning")
                + ", " + report.count(Severity.INFO) + " info in "
                + plural(report.stats().files(), "file")
                + (waived == 0 ? "" : "; " + waived + " waived");
    }

    /** The report's fail threshold as the config spells it. */
    static String threshold(Report report) {
        return report.failOn() == null ? "none" : report.failOn().id();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
