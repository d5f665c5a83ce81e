package dev.plimsoll.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code plimsoll} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(mainWithoutExit(args));
    }

    /** Runs the command line and returns the exit code instead of exiting; what tests call. */
    public static int mainWithoutExit(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(args, Path.of("").toAbsolutePath(), System.in, out, err);
    }

    /** Runs the command line in {@code workingDirectory} with the given streams; returns the exit code. */
    public static int run(String[] args, Path workingDirectory, InputStream in, PrintWriter out, PrintWriter err) {
        return PlimsollCommand.commandLine(new Environment(workingDirectory, in), out, err, args)
                .execute(args);
    }
}
