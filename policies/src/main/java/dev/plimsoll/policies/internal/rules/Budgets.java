package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.manifest.LabelSelector;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.manifest.Workloads;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What the PodDisruptionBudget rules share: which pods a budget selects, and how many replicas a workload keeps. */
final class Budgets {

    private Budgets() {}

    /**
     * The smallest number of replicas a workload runs: an autoscaler's {@code minReplicas} (default 1) when one targets
     * it, else its own replica count; a bare Pod is one.
     */
    record Replicas(long minimum, Manifest autoscaler) {

        /** {@code 3 replicas}, or {@code at least 2 replicas, the minimum of HorizontalPodAutoscaler 'web'}. */
        String display() {
            String count = minimum + (minimum == 1 ? " replica" : " replicas");
            return autoscaler == null
                    ? count
                    : "at least " + count + ", the minimum of HorizontalPodAutoscaler '" + autoscaler.name() + "'";
        }
    }

    static boolean isBudget(Manifest object) {
        return object.is("policy", "PodDisruptionBudget");
    }

    /** The budgets in {@code namespace}, in load order. */
    static List<Manifest> budgetsIn(ManifestSet objects, String namespace) {
        List<Manifest> out = new ArrayList<>();
        for (Manifest object : objects.inNamespace(namespace)) {
            if (isBudget(object)) {
                out.add(object);
            }
        }
        return out;
    }

    /**
     * The pods a budget selects. A missing or null selector selects none; an empty one ({@code {}}) selects every pod of
     * the namespace in {@code policy/v1} and none in {@code policy/v1beta1}.
     */
    static Optional<LabelSelector> selector(Manifest budget) {
        Optional<LabelSelector> selector =
                budget.root().path("spec", "selector").flatMap(LabelSelector::parse);
        if (selector.isPresent()
                && selector.get().isEmpty()
                && !budget.apiVersion().equals("policy/v1")) {
            return Optional.empty();
        }
        return selector;
    }

    /** The workloads in the budget's namespace whose pods it selects. */
    static List<Manifest> selected(ManifestSet objects, Manifest budget) {
        return selector(budget)
                .map(selector -> objects.workloadsSelectedBy(budget.namespace(), selector))
                .orElse(List.of());
    }

    /** Empty when the count cannot be known from the manifests (a DaemonSet, a Job, a replica count that is no integer). */
    static Optional<Replicas> replicas(ManifestSet objects, Manifest workload) {
        Optional<Manifest> autoscaler = objects.autoscalerFor(workload);
        if (autoscaler.isPresent()) {
            Optional<Node> minReplicas = autoscaler.get().root().path("spec", "minReplicas");
            if (minReplicas.isEmpty() || minReplicas.get().isNull()) {
                return Optional.of(new Replicas(1, autoscaler.get()));
            }
            OptionalLong minimum =
                    minReplicas.get() instanceof ScalarNode scalar ? scalar.asLong() : OptionalLong.empty();
            return minimum.isPresent()
                    ? Optional.of(new Replicas(minimum.getAsLong(), autoscaler.get()))
                    : Optional.empty();
        }
        if (workload.is("", "Pod")) {
            return Optional.of(new Replicas(1, null));
        }
        OptionalLong replicas = Workloads.replicas(workload);
        return replicas.isPresent() ? Optional.of(new Replicas(replicas.getAsLong(), null)) : Optional.empty();
    }

    /** {@code Deployment/web}: how budget findings name a workload of their own namespace. */
    static String display(Manifest workload) {
        return workload.kind() + "/" + workload.name();
    }
}
