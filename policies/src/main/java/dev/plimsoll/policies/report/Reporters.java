package dev.plimsoll.policies.report;

import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.internal.report.GithubReporter;
import dev.plimsoll.policies.internal.report.JsonReporter;
import dev.plimsoll.policies.internal.report.JunitReporter;
import dev.plimsoll.policies.internal.report.Reporter;
import dev.plimsoll.policies.internal.report.SarifReporter;
import dev.plimsoll.policies.internal.report.TextReporter;
import dev.plimsoll.policies.internal.report.ToolVersion;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a report in one of the {@link Format}s; output depends only on the report, never on time or machine. The
 * formats are described in {@code docs/report-formats.md}.
 */
public final class Reporters {

    private Reporters() {}

    /**
     * Writes {@code report} to {@code out} with LF line endings and flushes it; {@code out} stays open. JUnit XML
     * declares UTF-8, so give it a UTF-8 writer.
     */
    public static void write(Format format, Report report, Writer out) throws IOException {
        Reporter reporter =
                switch (format) {
                    case TEXT -> new TextReporter();
                    case JSON -> new JsonReporter();
                    case SARIF -> new SarifReporter(ToolVersion.current());
                    case JUNIT -> new JunitReporter();
                    case GITHUB -> new GithubReporter();
                };
        reporter.write(report, out);
    }
}
