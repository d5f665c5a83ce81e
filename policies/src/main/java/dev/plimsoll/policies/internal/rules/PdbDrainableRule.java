package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.manifest.LabelSelector;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.rule.SetRule;
import dev.plimsoll.policies.yaml.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rule {@code pdb-drainable}; documented in {@code docs/rules/pdb-drainable.md}. */
@RuleInfo(
        id = "pdb-drainable",
        summary = "Every PodDisruptionBudget selects pods, shares them with no other budget, and allows at least "
                + "one eviction.",
        severity = Severity.ERROR,
        category = Category.AVAILABILITY,
        since = "0.1.0",
        remediation = "Let the budget allow at least one eviction (e.g. `maxUnavailable: 1`), make its selector match "
                + "exactly one workload's pod labels, and keep one budget per pod.")
public final class PdbDrainableRule implements SetRule {

    @Override
    public void check(ManifestSet objects, RuleContext context) {
        Map<Manifest, List<Manifest>> selections = new LinkedHashMap<>();
        for (Manifest budget : objects.ofKind("PodDisruptionBudget")) {
            if (Budgets.isBudget(budget)) {
                selections.put(budget, Budgets.selected(objects, budget));
            }
        }
        Map<Manifest, List<Manifest>> budgetsByWorkload = new IdentityHashMap<>();
        selections.forEach((budget, selected) -> selected.forEach(workload -> budgetsByWorkload
                .computeIfAbsent(workload, k -> new ArrayList<>())
                .add(budget)));
        selections.forEach((budget, selected) -> {
            if (selected.isEmpty()) {
                context.report(budget, selectorNode(budget), selectsNothing(budget));
            }
            checkCounts(objects, budget, selected, context);
            checkOverlaps(budget, selected, budgetsByWorkload, context);
        });
    }

    /** The eviction API refuses a pod that two budgets select, whatever either allows; report it on each. */
    private static void checkOverlaps(
            Manifest budget,
            List<Manifest> selected,
            Map<Manifest, List<Manifest>> budgetsByWorkload,
            RuleContext context) {
        Map<Manifest, List<String>> sharedByOther = new LinkedHashMap<>();
        for (Manifest workload : selected) {
            for (Manifest other : budgetsByWorkload.get(workload)) {
                if (other != budget) {
                    sharedByOther.computeIfAbsent(other, k -> new ArrayList<>()).add(Budgets.display(workload));
                }
            }
        }
        sharedByOther.forEach((other, shared) -> context.report(
                budget,
                selectorNode(budget),
                "selects the same pods as PodDisruptionBudget '" + other.name() + "' (" + String.join(", ", shared)
                        + "); the eviction API refuses to evict a pod that more than one budget covers"));
    }

    private static void checkCounts(
            ManifestSet objects, Manifest budget, List<Manifest> selected, RuleContext context) {
        Optional<IntOrPercent> maxUnavailable =
                budget.root().path("spec", "maxUnavailable").flatMap(IntOrPercent::parse);
        Optional<IntOrPercent> minAvailable =
                budget.root().path("spec", "minAvailable").flatMap(IntOrPercent::parse);
        // The disruption controller reads maxUnavailable first when both are set (the API rejects that anyway).
        if (maxUnavailable.isPresent()) {
            // A positive percentage rounds up to at least one pod, so only zero blocks every eviction.
            if (maxUnavailable.get().isZero()) {
                context.report(
                        budget,
                        Nodes.at(budget.root(), "spec", "maxUnavailable"),
                        "maxUnavailable: " + maxUnavailable.get() + " allows no eviction, so a drain waits forever");
            }
            return;
        }
        if (minAvailable.isEmpty()) {
            return;
        }
        if (minAvailable.get().percent() && minAvailable.get().value() >= 100) {
            context.report(
                    budget,
                    Nodes.at(budget.root(), "spec", "minAvailable"),
                    "minAvailable: " + minAvailable.get() + " keeps every pod up, so a drain waits forever");
            return;
        }
        Optional<Long> pods = pods(objects, budget, selected, context);
        if (pods.isEmpty()) {
            return;
        }
        long required = minAvailable.get().scaledRoundingUp(pods.get());
        if (required >= pods.get()) {
            String count = minAvailable.get().percent() ? " rounds up to " + required + ", so" : " means";
            context.report(
                    budget,
                    Nodes.at(budget.root(), "spec", "minAvailable"),
                    "minAvailable: " + minAvailable.get() + " of " + pods.get() + " pods" + count
                            + " every pod must stay up and a drain waits forever ("
                            + selectedDisplay(objects, selected) + ")");
        }
    }

    /** How many pods the budget covers at the workloads' minimum scale; empty (with a skip) when unknown. */
    private static Optional<Long> pods(
            ManifestSet objects, Manifest budget, List<Manifest> selected, RuleContext context) {
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (Manifest workload : selected) {
            Optional<Budgets.Replicas> replicas = Budgets.replicas(objects, workload);
            if (replicas.isEmpty()) {
                context.skip(
                        budget,
                        "cannot count the pods of " + Budgets.display(workload) + ", so minAvailable is not checked");
                return Optional.empty();
            }
            total += replicas.get().minimum();
        }
        if (total == 0) {
            context.skip(budget, "the workloads it selects run no pods, so minAvailable is not checked");
            return Optional.empty();
        }
        return Optional.of(total);
    }

    private static String selectedDisplay(ManifestSet objects, List<Manifest> selected) {
        List<String> names = new ArrayList<>();
        for (Manifest workload : selected) {
            names.add(Budgets.display(workload) + " runs "
                    + Budgets.replicas(objects, workload).orElseThrow().display());
        }
        return String.join("; ", names);
    }

    private static String selectsNothing(Manifest budget) {
        Optional<Node> selector = budget.root().path("spec", "selector");
        if (selector.isEmpty() || selector.get().isNull()) {
            return "has no selector, so it selects no pods";
        }
        Optional<LabelSelector> parsed = LabelSelector.parse(selector.get());
        if (parsed.isEmpty()) {
            return "has a selector the API server rejects, so it selects no pods";
        }
        if (parsed.get().isEmpty()) {
            return "has an empty selector, which selects no pods in " + budget.apiVersion()
                    + " (policy/v1 reads it as every pod of the namespace)";
        }
        return "selects no pods: no workload in " + PodNamespace.display(budget.namespace())
                + " has pod labels that match its selector";
    }

    private static Node selectorNode(Manifest budget) {
        return Nodes.at(budget.root(), "spec", "selector");
    }
}
