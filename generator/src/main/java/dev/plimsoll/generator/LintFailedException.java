package dev.plimsoll.generator;

import dev.plimsoll.policies.Report;

/**
 * The rendered objects have lint findings at or above the fail threshold; nothing was written. The report's findings
 * point at the hydrated files ({@code rendered/<env>/…}) that the objects would be written to.
 */
public final class LintFailedException extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final transient Report report;

    public LintFailedException(Report report) {
        super("the rendered platform has " + report.active().size()
                + " lint finding(s) at or above the fail threshold; nothing was written");
        this.report = report;
    }

    public Report report() {
        return report;
    }
}
