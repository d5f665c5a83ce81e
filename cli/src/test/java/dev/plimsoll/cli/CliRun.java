package dev.plimsoll.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One run of the CLI in a working directory, with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path workingDirectory, String... args) {
        return withInput(workingDirectory, "", args);
    }

    static CliRun withInput(Path workingDirectory, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                args,
                workingDirectory,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The repository root, which holds examples/ and docs/. */
    static Path repo() {
        return Path.of(System.getProperty("plimsoll.repo", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
