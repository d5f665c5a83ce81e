package dev.plimsoll.policies.rule;

import dev.plimsoll.policies.Severity;

/**
 * Findings that no rule class produces: problems reading the input, and problems of plimsoll's own machinery. They
 * have ids, severities and docs pages like rules, and the config can change their severity like any rule's.
 */
public enum Diagnostic {
    YAML_SYNTAX(
            "yaml-syntax",
            "Every input file is well-formed YAML or JSON.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Fix the syntax at the position shown; `kubectl apply --dry-run=client -f FILE` shows the same problem."),
    YAML_DUPLICATE_KEY(
            "yaml-duplicate-key",
            "No mapping repeats a key; the Kubernetes API server rejects such objects.",
            Severity.ERROR,
            Category.INPUT,
            false,
            "Remove one of the two entries, keeping the value you mean."),
    YAML_LIMIT(
            "yaml-limit",
            "Input stays within the size, nesting and alias-expansion limits.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Split the file, or remove the anchors and aliases that expand it; a manifest never needs that much."),
    INPUT_ENCODING(
            "input-encoding",
            "Input files are UTF-8 text.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Re-save the file as UTF-8."),
    INPUT_UNREADABLE(
            "input-unreadable",
            "Every input path can be read.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Check that the path exists and is readable by the user running plimsoll."),
    INPUT_SKIPPED(
            "input-skipped",
            "Inputs reached through symbolic links stay inside the lint root.",
            Severity.INFO,
            Category.INPUT,
            false,
            "Lint the link's target directly, or move it inside the lint root."),
    HELM_TEMPLATE(
            "helm-template",
            "Input is rendered Kubernetes YAML, not a Helm template.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Render the chart first with `helm template` and lint the output, or exclude the chart's templates/ folder."),
    KUSTOMIZE_BUILD(
            "kustomize-build",
            "Every Kustomize overlay builds.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Fix the kustomization at the position shown; `kubectl kustomize DIR` fails on the same problem."),
    KUSTOMIZE_UNSUPPORTED(
            "kustomize-unsupported",
            "Every Kustomize tree uses only features the embedded renderer builds.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Lint with `--kustomize=external` to build such trees with kustomize or kubectl from the PATH, or do without the feature."),
    KUSTOMIZE_PATH_ESCAPE(
            "kustomize-path-escape",
            "Kustomize trees read no file outside the lint root.",
            Severity.ERROR,
            Category.INPUT,
            true,
            "Keep every file a kustomization reads inside the repository, or lint from a root that contains it (`--root`)."),
    NOT_KUBERNETES(
            "not-kubernetes",
            "Every document is a Kubernetes object with apiVersion, kind and metadata.name.",
            Severity.WARNING,
            Category.INPUT,
            false,
            "Add apiVersion, kind and metadata.name, or move the file out of the linted paths."),
    EMPTY_FILE(
            "empty-file",
            "Input files contain at least one document.",
            Severity.INFO,
            Category.INPUT,
            false,
            "Delete the empty file or add the manifest it was meant to hold."),
    TOOL_ERROR(
            "tool-error",
            "Every rule completes on every object.",
            Severity.ERROR,
            Category.TOOL,
            false,
            "Report the message and the object to the rule's maintainers; the other rules still ran."),
    WAIVER_INVALID(
            "waiver-invalid",
            "Every waiver names a reason and a valid expiry date, and waives a rule that may be waived.",
            Severity.ERROR,
            Category.TOOL,
            false,
            "Write why the finding is acceptable as the annotation's value, e.g. `\"needs host networking; expires=2027-03-31\"`."),
    WAIVER_EXPIRED(
            "waiver-expired",
            "Waivers are renewed or removed when they expire.",
            Severity.WARNING,
            Category.TOOL,
            false,
            "Fix the waived finding, or renew the waiver with a new reason and expiry after review.");

    private final RuleDescriptor descriptor;
    private final boolean unreadable;

    Diagnostic(
            String id, String summary, Severity severity, Category category, boolean unreadable, String remediation) {
        this.descriptor = new RuleDescriptor(id, summary, severity, category, "0.1.0", remediation);
        this.unreadable = unreadable;
    }

    public RuleDescriptor descriptor() {
        return descriptor;
    }

    public String id() {
        return descriptor.id();
    }

    /** True when a finding with this id means some input could not be read or parsed (exit code 3). */
    public boolean unreadable() {
        return unreadable;
    }

    public static java.util.Optional<Diagnostic> byId(String id) {
        for (Diagnostic diagnostic : values()) {
            if (diagnostic.id().equals(id)) {
                return java.util.Optional.of(diagnostic);
            }
        }
        return java.util.Optional.empty();
    }
}
