package com.example;

import dev.plimsoll.generator.App;
import dev.plimsoll.generator.Compute;
import dev.plimsoll.generator.ConcurrentGenerationException;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.HydratedOutput;
import dev.plimsoll.generator.LintFailedException;
import dev.plimsoll.generator.PerEnv;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.Probe;
import dev.plimsoll.generator.UnownedFileException;
import dev.plimsoll.generator.ValidationException;
import dev.plimsoll.generator.WriteResult;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.report.Format;
import dev.plimsoll.policies.report.Reporters;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a small platform through plimsoll's Java API, lints what was written, and prints the report: what a Gradle
 * plugin, a Bazel rule or a test suite does. The libraries never print and never exit; this program decides both.
 *
 * <p>Usage: {@code LibraryCall [OUTPUT-DIRECTORY]} (default {@code build/platform}).
 */
public final class LibraryCall {

    private LibraryCall() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "build/platform");
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);

        // 1. Generate: validate the definition, render every environment, lint it in memory, write the tree.
        Generator generator = Generator.builder().hydrate(true).build();
        try {
            WriteResult result = generator.write(platform(), out);
            stdout.printf(
                    "generated %s: %d file(s) written, %d unchanged, %d pruned%n",
                    out, result.written().size(), result.unchanged().size(), result.pruned().size());
        } catch (ValidationException e) {
            e.problems().forEach(problem -> stdout.println("invalid: " + problem));
            System.exit(2);
        } catch (LintFailedException e) {
            Reporters.write(Format.TEXT, e.report(), stdout);
            System.exit(1);
        } catch (UnownedFileException | ConcurrentGenerationException e) {
            stdout.println("not written: " + e.getMessage());
            System.exit(4);
        }

        // 2. Lint what is on disk now, each environment's hydrated output as that environment, as a CI gate would.
        Linter linter = Linter.builder().build();
        Report report = HydratedOutput.lint(linter, out, out, List.of());
        Reporters.write(Format.TEXT, report, stdout);
        try (Writer sarif = Files.newBufferedWriter(out.resolve("plimsoll.sarif"), StandardCharsets.UTF_8)) {
            Reporters.write(Format.SARIF, report, sarif);
        }
        stdout.println("exit code " + report.exitCode().code() + "; SARIF in " + out.resolve("plimsoll.sarif"));
        System.exit(report.exitCode().code());
    }

    /** Two environments, one app; in a real project this is the team's {@code PlatformDefinition}. */
    static Platform platform() {
        Environment staging = Environment.of("staging", 1, Environment.Tier.STAGING);
        Environment prod = Environment.of("prod", 2, Environment.Tier.PROD);
        return Platform.named("shop")
                .environments(staging, prod)
                .app(App.named("cart")
                        .namespace("shop")
                        .image(
                                "ghcr.io/example/cart",
                                PerEnv.of(staging, "sha256:" + "c".repeat(64)).and(prod, "sha256:" + "d".repeat(64)))
                        .port("http", 8080)
                        .replicas(PerEnv.of(staging, 1).and(prod, 3))
                        .compute(Compute.of("100m", "128Mi"))
                        .readiness(Probe.tcp("http"))
                        .allowEgressToDns());
    }
}
