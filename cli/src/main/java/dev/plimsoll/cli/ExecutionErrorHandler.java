package dev.plimsoll.cli;

import dev.plimsoll.policies.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An exception escaping a command is a plimsoll bug or an environment failure (a full disk); it prints one line, and
 * the stack trace only with {@code --debug}.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof UserError userError) {
            err.println("plimsoll: " + userError.getMessage());
            err.flush();
            return userError.exitCode().code();
        }
        err.println("plimsoll: internal error: " + e);
        if (parseResult.hasMatchedOption("--debug")
                || parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug")) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with --debug for the stack trace.");
        }
        err.flush();
        return ExitCode.USAGE.code();
    }
}
