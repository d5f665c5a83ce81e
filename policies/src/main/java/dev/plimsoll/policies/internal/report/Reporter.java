package dev.plimsoll.policies.internal.report;

import dev.plimsoll.policies.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format; the set is closed because every format is documented API. */
public sealed interface Reporter permits TextReporter, JsonReporter, SarifReporter, JunitReporter, GithubReporter {

    /** Writes {@code report} to {@code out} and flushes it; never closes it, the caller owns the writer. */
    void write(Report report, Writer out) throws IOException;
}
