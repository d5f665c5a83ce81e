package dev.plimsoll.policies.report;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Skip;
import dev.plimsoll.policies.Waiver;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.time.LocalDate;
import java.util.List;

/**
 * Reports built by hand for the reporter tests: every kind of finding a reporter must tell apart, and messages with
 * the characters each format has to escape.
 */
public final class SampleReports {

    public static final RuleDescriptor IMAGE_DIGEST = rule(
            "image-digest",
            "Container images are pinned by digest.",
            Severity.ERROR,
            Category.SUPPLY_CHAIN,
            "Pin the image by its @sha256: digest.");
    public static final RuleDescriptor NETPOL_DEFAULT_DENY = rule(
            "netpol-default-deny",
            "Every namespace that runs pods has a default-deny NetworkPolicy.",
            Severity.ERROR,
            Category.NETWORK,
            "Add a NetworkPolicy with podSelector: {} and both policy types.");
    public static final RuleDescriptor PDB_DRAINABLE = rule(
            "pdb-drainable",
            "PodDisruptionBudgets allow at least one eviction.",
            Severity.ERROR,
            Category.AVAILABILITY,
            "Lower minAvailable or raise maxUnavailable.");
    public static final RuleDescriptor PDB_PRESENT = rule(
            "pdb-present",
            "Replicated workloads have a PodDisruptionBudget.",
            Severity.WARNING,
            Category.AVAILABILITY,
            "Add a PodDisruptionBudget that selects the workload's pods.");
    public static final RuleDescriptor RESOURCE_REQUESTS = rule(
            "resource-requests",
            "Containers request cpu and memory and limit memory.",
            Severity.WARNING,
            Category.RESOURCES,
            "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory.");

    private static final ObjectRef WEB = new ObjectRef("apps/v1", "Deployment", "shop", "web");
    private static final ObjectRef WORKER = new ObjectRef("apps/v1", "Deployment", "shop", "worker");
    private static final ObjectRef LEGACY = new ObjectRef("v1", "Namespace", "", "legacy");

    private SampleReports() {}

    /**
     * Seven findings in four files: errors, a warning, an info, with and without an object and an environment, two
     * waived (one with an expiry); two skips; one rule that ran and found nothing.
     */
    public static Report sample() {
        List<Finding> findings = List.of(
                new Finding(
                        IMAGE_DIGEST.id(),
                        Severity.ERROR,
                        "image \"registry.example.com:5000/shop/web:1.4,rc\" is not pinned by digest (100% of prod"
                                + " images must be)",
                        WEB,
                        new Location("overlays/prod/web.yaml", 21, 18, "/spec/template/spec/containers/0/image"),
                        "prod",
                        IMAGE_DIGEST.remediation(),
                        null),
                new Finding(
                        RESOURCE_REQUESTS.id(),
                        Severity.WARNING,
                        "container \"web\" has no memory limit;\nrequests & limits must satisfy <LimitRange \"default\">",
                        WEB,
                        new Location("overlays/prod/web.yaml", 30, 11, "/spec/template/spec/containers/0/resources"),
                        "prod",
                        RESOURCE_REQUESTS.remediation(),
                        null),
                new Finding(
                        PDB_PRESENT.id(),
                        Severity.WARNING,
                        "Deployment \"worker\" has 3 replicas but no PodDisruptionBudget selects its pods",
                        WORKER,
                        new Location("overlays/prod/worker.yaml", 8, 3, "/spec/replicas"),
                        "prod",
                        PDB_PRESENT.remediation(),
                        new Waiver(
                                "single replica during the queue migration, see OPS-123", LocalDate.of(2026, 12, 31))),
                new Finding(
                        NETPOL_DEFAULT_DENY.id(),
                        Severity.ERROR,
                        "namespace \"legacy\" runs pods but has no default-deny NetworkPolicy",
                        LEGACY,
                        new Location("base/namespaces.yaml", 4, 3, "/metadata"),
                        null,
                        NETPOL_DEFAULT_DENY.remediation(),
                        new Waiver("retired with the legacy stack", null)),
                new Finding(
                        Diagnostic.NOT_KUBERNETES.id(),
                        Severity.WARNING,
                        "document 2 has no kind: it reads as {apiVersion: v1, metadata: {}}",
                        null,
                        new Location("base/namespaces.yaml", 12, 1, ""),
                        null,
                        Diagnostic.NOT_KUBERNETES.descriptor().remediation(),
                        null),
                new Finding(
                        Diagnostic.EMPTY_FILE.id(),
                        Severity.INFO,
                        "Die Datei „leer“ enthält kein Dokument — nothing to lint",
                        null,
                        Location.ofFile("overlays/staging/café notes.yaml"),
                        "staging",
                        Diagnostic.EMPTY_FILE.descriptor().remediation(),
                        null),
                new Finding(
                        IMAGE_DIGEST.id(),
                        Severity.ERROR,
                        "image \"nginx\" is untagged and not pinned by digest",
                        new ObjectRef("batch/v1", "CronJob", "ops", "backup"),
                        new Location(
                                "base/backup.yaml", 17, 20, "/spec/jobTemplate/spec/template/spec/containers/0/image"),
                        null,
                        IMAGE_DIGEST.remediation(),
                        null));
        List<Skip> skips = List.of(
                new Skip(
                        PDB_PRESENT.id(),
                        WEB,
                        new Location("overlays/prod/web.yaml", 1, 1, ""),
                        "prod",
                        "skipped because the deployment has less than 2 replicas"),
                new Skip(
                        NETPOL_DEFAULT_DENY.id(),
                        LEGACY,
                        new Location("base/namespaces.yaml", 1, 1, ""),
                        null,
                        "skipped because the namespace runs no pods"));
        List<RuleDescriptor> rules = List.of(
                Diagnostic.NOT_KUBERNETES.descriptor(),
                Diagnostic.EMPTY_FILE.descriptor(),
                IMAGE_DIGEST,
                NETPOL_DEFAULT_DENY,
                PDB_DRAINABLE,
                PDB_PRESENT,
                RESOURCE_REQUESTS);
        return new Report(findings, skips, rules, new Report.Stats(4, 9, 7, 4096), Severity.ERROR);
    }

    /** A clean run: rules ran over some input and found nothing. */
    public static Report clean() {
        return new Report(List.of(), List.of(), List.of(IMAGE_DIGEST), new Report.Stats(1, 1, 1, 100), Severity.ERROR);
    }

    /** A report with the one given finding; the rule is listed. */
    public static Report of(Finding finding, RuleDescriptor rule) {
        return new Report(List.of(finding), List.of(), List.of(rule), new Report.Stats(1, 1, 1, 100), Severity.ERROR);
    }

    private static RuleDescriptor rule(
            String id, String summary, Severity severity, Category category, String remediation) {
        return new RuleDescriptor(id, summary, severity, category, "0.1.0", remediation);
    }
}
