package dev.plimsoll.policies.internal.rules;

import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.Workloads;
import dev.plimsoll.policies.rule.Category;
import dev.plimsoll.policies.rule.ObjectRule;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleInfo;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rule {@code resource-requests}; documented in {@code docs/rules/resource-requests.md}. */
@RuleInfo(
        id = "resource-requests",
        summary = "Every container and init container requests cpu and memory, and limits memory.",
        severity = Severity.ERROR,
        category = Category.RESOURCES,
        since = "0.1.0",
        remediation = "Set `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` "
                + "from the container's observed usage.")
public final class ResourceRequestsRule implements ObjectRule {

    /** Option: whether a memory limit is required too (default true). */
    static final String REQUIRE_MEMORY_LIMIT = "requireMemoryLimit";

    @Override
    public void check(Manifest object, RuleContext context) {
        Optional<MappingNode> podSpec = Workloads.podSpec(object);
        if (podSpec.isEmpty()) {
            return;
        }
        boolean requireMemoryLimit = context.options().bool(REQUIRE_MEMORY_LIMIT, true);
        for (Workloads.Container container : Workloads.containers(podSpec.get())) {
            if (container.field().equals("ephemeralContainers")) {
                continue; // the API forbids resources on ephemeral containers
            }
            Node resources = container.node().get("resources");
            List<String> missing = new ArrayList<>();
            if (!has(resources, "requests", "cpu")) {
                missing.add("no cpu request");
            }
            if (!has(resources, "requests", "memory")) {
                missing.add("no memory request");
            }
            if (requireMemoryLimit && !has(resources, "limits", "memory")) {
                missing.add("no memory limit");
            }
            if (!missing.isEmpty()) {
                context.report(
                        object,
                        Nodes.at(container.node(), "resources"),
                        container.display() + " has " + String.join(", ", missing));
            }
        }
    }

    private static boolean has(Node resources, String group, String resource) {
        return resources instanceof MappingNode mapping
                && mapping.path(group, resource)
                        .filter(value -> value instanceof ScalarNode scalar
                                && !scalar.isNull()
                                && !scalar.value().isBlank())
                        .isPresent();
    }
}
