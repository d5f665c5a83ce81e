package dev.plimsoll.policies.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Skip;
import java.io.IOException;
import java.io.Writer;

/** plimsoll's own JSON document, version 1; its shape is documented API in {@code docs/report-formats.md}. */
public final class JsonReporter implements Reporter {

    /** Bumped only for incompatible changes; adding a field is compatible. */
    private static final int VERSION = 1;

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode document = Json.object();
        document.put("version", VERSION);
        document.set("summary", summary(report));
        ArrayNode findings = document.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.add(finding(finding));
        }
        ArrayNode skips = document.putArray("skips");
        for (Skip skip : report.skips()) {
            skips.add(skip(skip));
        }
        Json.write(document, out);
    }

    private static ObjectNode summary(Report report) {
        ObjectNode summary = Json.object();
        for (Severity severity : Severity.values()) {
            summary.put(severity.id(), report.count(severity));
        }
        summary.put("waived", report.waived().size());
        summary.put("files", report.stats().files());
        summary.put("documents", report.stats().documents());
        summary.put("objects", report.stats().objects());
        summary.put("failOn", report.failOn() == null ? null : report.failOn().id());
        summary.put("failed", report.failed());
        summary.put("exitCode", report.exitCode().code());
        return summary;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode out = Json.object();
        out.put("rule", finding.ruleId());
        out.put("severity", finding.severity().id());
        out.put("message", finding.message());
        putLocation(out, finding.location());
        out.put("pointer", finding.location().pointer());
        out.set("object", object(finding.object()));
        out.put("environment", finding.environment());
        out.put("remediation", finding.remediation());
        if (finding.waiver() == null) {
            out.putNull("waiver");
        } else {
            ObjectNode waiver = out.putObject("waiver");
            waiver.put("reason", finding.waiver().reason());
            waiver.put(
                    "expires",
                    finding.waiver().expires() == null
                            ? null
                            : finding.waiver().expires().toString());
        }
        return out;
    }

    private static ObjectNode skip(Skip skip) {
        ObjectNode out = Json.object();
        out.put("rule", skip.ruleId());
        out.set("object", object(skip.object()));
        putLocation(out, skip.location());
        out.put("environment", skip.environment());
        out.put("reason", skip.reason());
        return out;
    }

    private static void putLocation(ObjectNode out, Location location) {
        out.put("file", location.file());
        out.put("line", location.line());
        out.put("column", location.column());
    }

    private static ObjectNode object(ObjectRef ref) {
        if (ref == null) {
            return null;
        }
        ObjectNode out = Json.object();
        out.put("apiVersion", ref.apiVersion());
        out.put("kind", ref.kind());
        out.put("namespace", ref.namespace());
        out.put("name", ref.name());
        return out;
    }
}
