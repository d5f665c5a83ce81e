package dev.plimsoll.policies.internal.engine;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Waiver;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.internal.text.Spelling;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code plimsoll.dev/waive.<rule-id>} annotations: reports invalid and expired ones, and excuses the findings
 * of valid ones on the object that carries them. The value grammar is in {@code docs/waivers.md}.
 */
final class Waivers {

    /** {@code expires=DATE} at the very end, after a {@code ;}, a {@code ,} or whitespace (or as the whole value). */
    private static final Pattern EXPIRY = Pattern.compile("(?:^|\\s*[;,]\\s*|\\s+)(?i:expires)\\s*=\\s*(\\S*)\\s*$");

    private static final Pattern MENTION = Pattern.compile("(?i)expires\\s*=");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final LintConfig config;
    private final Set<String> knownRules;
    private final LocalDate today;

    /**
     * @param knownRules the ids findings can carry; a waiver for any other id is invalid
     * @param today the last day on which a waiver with that expiry still applies (UTC)
     */
    Waivers(LintConfig config, Set<String> knownRules, LocalDate today) {
        this.config = config;
        this.knownRules = knownRules;
        this.today = today;
    }

    /** The {@code waiver-invalid} and {@code waiver-expired} findings for the annotations of {@code object}. */
    List<Finding> check(Manifest object) {
        List<Finding> out = new ArrayList<>();
        for (Annotation annotation : annotations(object)) {
            if (annotation.problem() != null) {
                out.add(Findings.at(
                        Diagnostic.WAIVER_INVALID.descriptor(), object, annotation.value(), annotation.problem()));
            } else if (expired(annotation.waiver())) {
                out.add(Findings.at(
                        Diagnostic.WAIVER_EXPIRED.descriptor(),
                        object,
                        annotation.value(),
                        "waiver for " + annotation.ruleId() + " expired on "
                                + annotation.waiver().expires() + ": "
                                + annotation.waiver().reason()));
            }
        }
        return out;
    }

    /** {@code finding}, waived when {@code object} (the object it was reported on) carries a valid waiver for it. */
    Finding apply(Finding finding, Manifest object) {
        if (unwaivable(finding.ruleId())) {
            return finding;
        }
        for (Annotation annotation : annotations(object)) {
            if (annotation.ruleId().equals(finding.ruleId())
                    && annotation.problem() == null
                    && !expired(annotation.waiver())) {
                return finding.withWaiver(annotation.waiver());
            }
        }
        return finding;
    }

    /** A waiver annotation as read: a waiver, or the problem that keeps it from being one. */
    private record Annotation(String ruleId, Node value, Waiver waiver, String problem) {}

    private List<Annotation> annotations(Manifest object) {
        List<Annotation> out = new ArrayList<>();
        if (object.root().path("metadata", "annotations").orElse(null) instanceof MappingNode annotations) {
            for (MappingNode.Entry entry : annotations.entries()) {
                String key = entry.key().value();
                if (key.startsWith(Waiver.ANNOTATION_PREFIX)) {
                    out.add(read(key.substring(Waiver.ANNOTATION_PREFIX.length()), entry.value()));
                }
            }
        }
        return out;
    }

    private Annotation read(String ruleId, Node value) {
        String problem = ruleProblem(ruleId);
        if (problem != null) {
            return invalid(ruleId, value, problem);
        }
        String subject = "waiver for " + ruleId;
        if (!(value instanceof ScalarNode scalar) || !(scalar.isString() || scalar.isNull())) {
            return invalid(ruleId, value, subject + " must be a string, the reason; quote it");
        }
        String text = scalar.value();
        String reason = text.strip();
        LocalDate expires = null;
        Matcher expiry = EXPIRY.matcher(text);
        if (expiry.find()) {
            reason = text.substring(0, expiry.start()).strip();
            String date = expiry.group(1);
            if (!DATE.matcher(date).matches()) {
                return invalid(
                        ruleId,
                        value,
                        subject + " has expiry '" + date + "', which is not a date (expected expires=YYYY-MM-DD)");
            }
            try {
                expires = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return invalid(
                        ruleId, value, subject + " has expiry '" + date + "', which is not a day of the calendar");
            }
        }
        if (MENTION.matcher(reason).find()) {
            return invalid(ruleId, value, subject + " has text after its expiry; expires=YYYY-MM-DD must come last");
        }
        if (reason.isEmpty()) {
            return invalid(ruleId, value, subject + " has no reason; write why the finding is acceptable");
        }
        return new Annotation(ruleId, value, new Waiver(reason, expires), null);
    }

    /** Why no waiver may name {@code ruleId}, or {@code null}. */
    private String ruleProblem(String ruleId) {
        if (ruleId.isEmpty()) {
            return "waiver annotation '" + Waiver.ANNOTATION_PREFIX + "' names no rule";
        }
        if (unwaivable(ruleId)) {
            return ruleId + " findings cannot be waived";
        }
        if (!knownRules.contains(ruleId)) {
            return "waiver names unknown rule '" + ruleId + "'"
                    + Spelling.closest(ruleId, knownRules)
                            .map(closest -> " (did you mean '" + closest + "'?)")
                            .orElse("");
        }
        if (!config.rule(ruleId).waivable()) {
            return "rule " + ruleId + " may not be waived (plimsoll.yaml)";
        }
        return null;
    }

    private static Annotation invalid(String ruleId, Node value, String problem) {
        return new Annotation(ruleId, value, null, problem);
    }

    /** Findings about waivers themselves; a waiver excusing them would hide that the waivers are wrong. */
    private static boolean unwaivable(String ruleId) {
        return ruleId.equals(Diagnostic.WAIVER_INVALID.id()) || ruleId.equals(Diagnostic.WAIVER_EXPIRED.id());
    }

    /** A waiver applies through its expiry day. */
    private boolean expired(Waiver waiver) {
        return waiver.expires() != null && waiver.expires().isBefore(today);
    }
}
