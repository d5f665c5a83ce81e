package dev.plimsoll.cli;

/** The {@code plimsoll} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(mainWithoutExit(args));
    }

    /** Runs the command line and returns the exit code instead of exiting; what tests call. */
    public static int mainWithoutExit(String[] args) {
        throw new UnsupportedOperationException("the CLI is not built yet");
    }
}
