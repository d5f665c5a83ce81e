package dev.plimsoll.policies.report;

import dev.plimsoll.policies.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one of the {@link Format}s; output depends only on the report, never on time or machine. */
public final class Reporters {

    private Reporters() {}

    public static void write(Format format, Report report, Writer out) throws IOException {
        throw new UnsupportedOperationException("reporters are not built yet: " + format + report + out);
    }
}
