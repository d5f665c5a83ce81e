package dev.plimsoll.policies.report;

import java.util.Locale;

/** The report formats; each has a stable, documented shape. */
public enum Format {
    /** Compiler style, one line per finding, then a summary; for people. */
    TEXT,
    /** plimsoll's own JSON document; for scripts. */
    JSON,
    /** SARIF 2.1.0; for code scanning. */
    SARIF,
    /** JUnit XML; for CI test dashboards. */
    JUNIT,
    /** GitHub Actions workflow commands; annotations on the pull request. */
    GITHUB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
