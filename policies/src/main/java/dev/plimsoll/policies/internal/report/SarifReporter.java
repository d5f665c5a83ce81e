package dev.plimsoll.policies.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** SARIF 2.1.0 with one run, for code scanning; see {@code docs/report-formats.md}. */
public final class SarifReporter implements Reporter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String INFORMATION_URI = "https://github.com/plimsoll-dev/plimsoll";
    private static final String FINGERPRINT_KEY = "plimsoll/v1";
    private static final String DOCS_URI = INFORMATION_URI + "/blob/main/";
    private static final String SRCROOT = "%SRCROOT%";

    private final String toolVersion;

    /** {@code toolVersion} is written as the driver's version; pass {@link ToolVersion#current()} outside tests. */
    public SarifReporter(String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode document = Json.object();
        document.put("$schema", SCHEMA);
        document.put("version", "2.1.0");
        ObjectNode run = document.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "plimsoll");
        driver.put("informationUri", INFORMATION_URI);
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescriptor rule : report.rules()) {
            ruleIndex.put(rule.id(), rules.size());
            rules.add(rule(rule));
        }
        // Columns count code points, as the YAML parser does; the SARIF default would be UTF-16 code units.
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId())));
        }
        Json.write(document, out);
    }

    private static ObjectNode rule(RuleDescriptor rule) {
        ObjectNode out = Json.object();
        out.put("id", rule.id());
        out.put("name", pascalCase(rule.id()));
        out.putObject("shortDescription").put("text", rule.summary());
        out.putObject("fullDescription").put("text", rule.summary());
        out.putObject("help").put("text", rule.remediation());
        out.put("helpUri", DOCS_URI + rule.docsPath());
        out.putObject("defaultConfiguration").put("level", level(rule.severity()));
        out.putObject("properties").put("category", rule.category().id());
        return out;
    }

    private static ObjectNode result(Finding finding, Integer ruleIndex) {
        ObjectNode out = Json.object();
        out.put("ruleId", finding.ruleId());
        if (ruleIndex != null) {
            out.put("ruleIndex", ruleIndex);
        }
        out.put("level", level(finding.severity()));
        out.putObject("message").put("text", finding.message());
        ObjectNode location = out.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(finding.location().file()));
        artifact.put("uriBaseId", SRCROOT);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", finding.location().line());
        region.put("startColumn", finding.location().column());
        if (finding.object() != null) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", finding.object().name());
            logical.put("fullyQualifiedName", qualifiedName(finding.object()));
            logical.put("kind", "resource");
        }
        out.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(finding));
        if (finding.waived()) {
            ObjectNode suppression = out.putArray("suppressions").addObject();
            suppression.put("kind", "inSource");
            suppression.put("status", "accepted");
            suppression.put("justification", finding.waiver().reason());
            if (finding.waiver().expires() != null) {
                suppression
                        .putObject("properties")
                        .put("expires", finding.waiver().expires().toString());
            }
        }
        if (finding.environment() != null) {
            out.putObject("properties").put("environment", finding.environment());
        }
        return out;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A hash of what identifies a finding apart from its line and column, so that code scanning still matches it
     * after lines above it move.
     */
    static String fingerprint(Finding finding) {
        ObjectRef object = finding.object();
        List<String> parts = List.of(
                finding.ruleId(),
                finding.location().file(),
                object == null ? "" : object.apiVersion() + "/" + qualifiedName(object),
                finding.location().pointer(),
                finding.environment() == null ? "" : finding.environment(),
                finding.message());
        // Each part is prefixed with its length, so that no two lists of parts hash the same text.
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part.length()).append(':').append(part);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} for an object without a namespace. */
    private static String qualifiedName(ObjectRef object) {
        return object.namespace().isEmpty()
                ? object.kind() + "/" + object.name()
                : object.kind() + "/" + object.namespace() + "/" + object.name();
    }

    // File paths are relative and '/'-separated already; only characters that cannot stand in a URI reference are
    // percent-encoded (space, '%', non-ASCII as UTF-8 bytes, ...).
    private static String uri(String file) {
        StringBuilder out = new StringBuilder(file.length());
        for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUriCharacter(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static boolean isUriCharacter(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
    }

    private static String pascalCase(String id) {
        return Arrays.stream(id.split("-"))
                .filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }
}
