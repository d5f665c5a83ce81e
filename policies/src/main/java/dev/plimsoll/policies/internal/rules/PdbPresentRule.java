package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.manifest.Workloads;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.rule.SetRule;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rule {@code pdb-present}; documented in {@code docs/rules/pdb-present.md}. */
@RuleInfo(
        id = "pdb-present",
        summary = "Every Deployment and StatefulSet that runs 2 or more replicas has a PodDisruptionBudget "
                + "selecting its pods.",
        severity = Severity.ERROR,
        category = Category.AVAILABILITY,
        since = "0.1.0",
        remediation = "Add a PodDisruptionBudget in the workload's namespace whose selector matches the pod "
                + "template labels, with `maxUnavailable: 1` (or a percentage).")
public final class PdbPresentRule implements SetRule {

    @Override
    public void check(ManifestSet objects, RuleContext context) {
        for (Manifest workload : objects.workloads()) {
            if (workload.is("apps", "Deployment") || workload.is("apps", "StatefulSet")) {
                check(objects, workload, context);
            }
        }
    }

    private static void check(ManifestSet objects, Manifest workload, RuleContext context) {
        Optional<Budgets.Replicas> replicas = Budgets.replicas(objects, workload);
        if (replicas.isEmpty()) {
            context.skip(workload, "the replica count is not an integer");
            return;
        }
        if (replicas.get().minimum() < 2) {
            context.skip(workload, "has " + replicas.get().display() + "; a budget is required from 2 replicas");
            return;
        }
        Map<String, String> podLabels = Workloads.podLabels(workload);
        for (Manifest budget : Budgets.budgetsIn(objects, workload.namespace())) {
            if (selects(budget, podLabels)) {
                return;
            }
        }
        context.report(
                workload,
                Nodes.at(workload.root(), "spec", "replicas"),
                "runs " + replicas.get().display() + ", and no PodDisruptionBudget selects its pods, so a drain may "
                        + "evict them all at once" + nearMiss(objects, workload, podLabels));
    }

    private static boolean selects(Manifest budget, Map<String, String> podLabels) {
        return Budgets.selector(budget)
                .map(selector -> selector.matches(podLabels))
                .orElse(false);
    }

    /** kube-score's near miss: a budget that would match, written for another namespace. */
    private static String nearMiss(ManifestSet objects, Manifest workload, Map<String, String> podLabels) {
        SortedSet<String> namespaces = new TreeSet<>();
        for (Manifest budget : objects.ofKind("PodDisruptionBudget")) {
            if (Budgets.isBudget(budget)
                    && !budget.namespace().equals(workload.namespace())
                    && selects(budget, podLabels)) {
                namespaces.add(budget.namespace());
            }
        }
        if (namespaces.isEmpty()) {
            return "";
        }
        String where = namespaces.first().isEmpty()
                ? "without a namespace (namespace not set in the manifest)"
                : "in namespace '" + namespaces.first() + "'";
        return "; a matching budget exists " + where + ", but a budget only covers pods of its own namespace";
    }
}
