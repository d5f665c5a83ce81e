package dev.plimsoll.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.policies.report.Format;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFilesTest {

    @Test
    void parse_idsInAnyCaseWithBlanksAndRepeats_formatsOnceInOrder() {
        assertThat(ReportFiles.parse(List.of(" SARIF", "json", "", "sarif", "junit ")))
                .containsExactly(Format.SARIF, Format.JSON, Format.JUNIT);
    }

    @Test
    void parse_unknownId_namesTheFormats() {
        assertThatThrownBy(() -> ReportFiles.parse(List.of("sarif", "html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'html' is not a format (expected text, json, sarif, junit, github)");
    }

    @Test
    void fileName_everyFormat_distinctNames() {
        assertThat(Arrays.stream(Format.values()).map(ReportFiles::fileName))
                .containsExactly(
                        "plimsoll.txt", "plimsoll.json", "plimsoll.sarif", "TEST-plimsoll.xml", "plimsoll.github.txt");
    }
}
