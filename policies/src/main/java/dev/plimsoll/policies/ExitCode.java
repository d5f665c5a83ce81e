package dev.plimsoll.policies;

/** The outcome of a lint run, as the CLI's exit status and the library's result. */
public enum ExitCode {
    /** No active finding at or above the fail threshold, and every input was read. */
    CLEAN(0),
    /** At least one active (not waived) finding at or above the fail threshold. */
    FINDINGS(1),
    /** The command line or the config file is wrong; nothing was linted. */
    USAGE(2),
    /** Some input could not be read or parsed; everything else was still linted. Takes precedence over 1. */
    UNREADABLE_INPUT(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
