package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlimsollCommandTest {

    @TempDir
    Path dir;

    @Test
    void version_printsTheBuildVersion() {
        // when
        CliRun run = CliRun.in(dir, "--version");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("plimsoll ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void noCommand_exitsTwoWithShortError() {
        // when
        CliRun run = CliRun.in(dir);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing a command").contains("--help");
    }

    @Test
    void help_listsCommandsAndExitCodes() {
        // when
        CliRun run = CliRun.in(dir, "--help");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("lint")
                .contains("generate")
                .contains("rules")
                .contains("config")
                .contains("Exit codes:");
    }

    @Test
    void subcommandNames_areTheirCommandsOwnNames() {
        PlimsollCommand.SUBCOMMANDS.forEach((name, command) -> assertThat(
                        command.getAnnotation(picocli.CommandLine.Command.class).name())
                .isEqualTo(name));
    }

    @Test
    void namedSubcommand_isTheOnlyOneBuilt_otherwiseAllAre() {
        Environment environment = new Environment(dir, InputStream.nullInputStream());
        PrintWriter sink = new PrintWriter(Writer.nullWriter());

        assertThat(PlimsollCommand.commandLine(environment, sink, sink, "generate", "--check")
                        .getSubcommands())
                .containsOnlyKeys("generate");
        assertThat(PlimsollCommand.commandLine(environment, sink, sink, "--help")
                        .getSubcommands())
                .containsOnlyKeys(PlimsollCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void misspeltSubcommand_exitsTwoWithSuggestion() {
        // when
        CliRun run = CliRun.in(dir, "generat");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("generat").contains("generate");
    }

    @Test
    void rulesList_showsEveryMissionRule() {
        // when
        CliRun run = CliRun.in(dir, "rules", "list");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("image-digest")
                .contains("netpol-default-deny")
                .contains("psa-labels")
                .contains("pdb-present")
                .contains("pdb-drainable")
                .contains("resource-requests")
                .contains("yaml-syntax");
    }

    @Test
    void rulesExplain_knownRule_printsItsDocsPage() {
        // when
        CliRun run = CliRun.in(dir, "rules", "explain", "image-digest");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("image-digest (error, supply-chain, since 0.1.0)")
                .contains("# image-digest");
    }

    @Test
    void rulesExplain_typo_exitsTwoWithSuggestion() {
        // when
        CliRun run = CliRun.in(dir, "rules", "explain", "image-digests");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown rule 'image-digests' (did you mean 'image-digest'?)");
    }

    @Test
    void configSchema_printsAJsonSchema() throws IOException {
        // when
        CliRun run = CliRun.in(dir, "config", "schema");

        // then
        assertThat(run.exitCode()).isZero();
        JsonNode schema = new ObjectMapper().readTree(run.out());
        assertThat(schema.path("$schema").asText()).contains("json-schema.org");
    }
}
