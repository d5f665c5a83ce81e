package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may do what by hand. Each team's developer group gets the built-in {@code edit} role in its namespaces outside
 * production and {@code view} in production (changes go through Git). {@code cluster-admin} is bound to one break-glass
 * group only, with the procedure named on the binding; nothing else is cluster-wide.
 */
public final class Rbac implements CatalogComponent {

    private final Map<String, String> teams = new LinkedHashMap<>();
    private String breakGlassGroup = "platform-break-glass";
    private String breakGlassProcedure =
            "Break-glass only: membership is granted per incident, audited, and revoked afterwards; every manual"
                    + " change is reverted or committed to Git before the incident closes.";

    public static Rbac create() {
        return new Rbac();
    }

    @Override
    public String name() {
        return "rbac";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("namespaces");
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.of(ClusterKind.CLUSTER_ROLE_BINDING);
    }

    /** The developers of {@code namespace}: an identity-provider group. */
    public Rbac developers(String namespace, String group) {
        teams.put(Objects.requireNonNull(namespace), Objects.requireNonNull(group));
        return this;
    }

    public Rbac breakGlass(String group, String procedure) {
        this.breakGlassGroup = Objects.requireNonNull(group);
        this.breakGlassProcedure = Objects.requireNonNull(procedure);
        return this;
    }

    @Override
    public void render(Environment environment, Output output) {
        String role = environment.tier() == Environment.Tier.PROD ? "view" : "edit";
        teams.forEach((namespace, group) -> output.add(Kube.object(
                "rbac.authorization.k8s.io/v1",
                "RoleBinding",
                namespace,
                "developers",
                map(
                        "roleRef",
                        map("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", role),
                        "subjects",
                        list(map("apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", group))))));
        output.add(Kube.annotate(
                Kube.object(
                        "rbac.authorization.k8s.io/v1",
                        "ClusterRoleBinding",
                        null,
                        "break-glass-cluster-admin",
                        map(
                                "roleRef",
                                map(
                                        "apiGroup",
                                        "rbac.authorization.k8s.io",
                                        "kind",
                                        "ClusterRole",
                                        "name",
                                        "cluster-admin"),
                                "subjects",
                                list(map(
                                        "apiGroup",
                                        "rbac.authorization.k8s.io",
                                        "kind",
                                        "Group",
                                        "name",
                                        breakGlassGroup)))),
                "plimsoll.dev/procedure",
                breakGlassProcedure));
    }
}
