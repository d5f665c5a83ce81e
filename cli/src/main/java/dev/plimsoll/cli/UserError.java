package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;

/** A problem the user can fix (a bad config, an unwritable output file), reported without a stack trace. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    UserError(String message, ExitCode exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
