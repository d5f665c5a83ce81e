package dev.plimsoll.policies.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.internal.report.SarifReporter;
import dev.plimsoll.policies.internal.report.ToolVersion;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden files for every format, compared byte for byte. Run with {@code -Dplimsoll.updateGolden=true} to rewrite
 * them from the current output, then read the diff before committing it.
 */
class ReportersTest {

    private static final Path GOLDEN = Path.of("src/test/resources/report-golden");
    private static final boolean UPDATE = Boolean.getBoolean("plimsoll.updateGolden");

    @ParameterizedTest
    @EnumSource(
            value = Format.class,
            names = {"TEXT", "JSON", "JUNIT", "GITHUB"})
    void write_sampleReport_matchesGoldenFile(Format format) throws IOException {
        // given
        Report report = SampleReports.sample();

        // when
        String output = write(format, report);

        // then
        assertGolden(goldenFile(format), output);
    }

    @Test
    void sarifReporter_sampleReport_matchesGoldenFile() throws IOException {
        // given
        Report report = SampleReports.sample();
        StringWriter out = new StringWriter();

        // when
        // A fixed tool version, so that the golden file does not change with every release.
        new SarifReporter("0.1.0").write(report, out);

        // then
        assertGolden(goldenFile(Format.SARIF), out.toString());
    }

    @Test
    void write_sarif_namesTheBuiltVersion() throws IOException {
        // given
        Report report = SampleReports.sample();

        // when
        String output = write(Format.SARIF, report);

        // then
        String version = JsonMapper.builder()
                .build()
                .readTree(output)
                .at("/runs/0/tool/driver/version")
                .asText();
        assertThat(version).isEqualTo(ToolVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_sameReportTwice_identicalBytes(Format format) throws IOException {
        // given
        Report report = SampleReports.sample();

        // when
        String first = write(format, report);
        String second = write(format, SampleReports.sample());

        // then
        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_messageWithCarriageReturns_onlyLfLineEndings(Format format) throws IOException {
        // given
        Finding finding = new Finding(
                SampleReports.IMAGE_DIGEST.id(),
                Severity.ERROR,
                "first line\r\nsecond line\rthird line",
                new ObjectRef("v1", "Pod", "ns", "p"),
                new Location("pod.yaml", 2, 3, "/spec"),
                null,
                "Fix it.\r\nThen check.",
                null);
        Report report = SampleReports.of(finding, SampleReports.IMAGE_DIGEST);

        // when
        String output = write(format, report);

        // then
        assertThat(output).doesNotContain("\r").endsWith("\n");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_anyFormat_flushesAndLeavesWriterOpen(Format format) throws IOException {
        // given
        StringWriter target = new StringWriter();
        boolean[] closed = {false};
        FilterWriter out = new FilterWriter(target) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        // when
        Reporters.write(format, SampleReports.sample(), out);

        // then
        assertThat(closed[0]).isFalse();
        assertThat(target.toString()).isNotEmpty();
    }

    private static String write(Format format, Report report) throws IOException {
        StringWriter out = new StringWriter();
        Reporters.write(format, report, out);
        return out.toString();
    }

    private static Path goldenFile(Format format) {
        return GOLDEN.resolve(
                switch (format) {
                    case TEXT -> "sample.txt";
                    case JSON -> "sample.json";
                    case SARIF -> "sample.sarif";
                    case JUNIT -> "sample.junit.xml";
                    case GITHUB -> "sample.github.txt";
                });
    }

    private static void assertGolden(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
