package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A component installed from an upstream Helm chart at an exact version, as an Argo CD {@code Application} with
 * per-environment values (automated sync, prune and self-heal), plus whatever plain objects the subclass owns.
 */
public abstract class HelmComponent<T extends HelmComponent<T>> implements CatalogComponent {

    /** Where Argo CD runs and where its {@code Application}s live. */
    public static final String ARGOCD_NAMESPACE = "argocd";

    /** The project of platform components. */
    public static final String PLATFORM_PROJECT = "platform";

    /** What nearly every chart creates cluster-wide: its CRDs and its cluster RBAC. */
    public static final Set<ClusterKind> CHART_CLUSTER_KINDS =
            Set.of(ClusterKind.CUSTOM_RESOURCE_DEFINITION, ClusterKind.CLUSTER_ROLE, ClusterKind.CLUSTER_ROLE_BINDING);

    private final String name;
    private HelmChart chart;
    private String namespace;
    private final Set<String> dependsOn = new LinkedHashSet<>();
    private final Set<ClusterKind> clusterKinds = new TreeSet<>(CHART_CLUSTER_KINDS);
    private final List<NetworkAllow> allows = new ArrayList<>();

    protected HelmComponent(String name, HelmChart chart, String namespace, String... dependsOn) {
        this.name = Objects.requireNonNull(name, "name");
        this.chart = Objects.requireNonNull(chart, "chart");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.dependsOn.addAll(List.of(dependsOn));
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    @Override
    public String name() {
        return name;
    }

    public HelmChart chart() {
        return chart;
    }

    /** Another chart version (or repository); it must still be exact. */
    public T chart(HelmChart value) {
        this.chart = Objects.requireNonNull(value, "chart");
        return self();
    }

    public String namespace() {
        return namespace;
    }

    /** The namespace the chart is installed into (default: the component's conventional one). */
    public T namespace(String value) {
        this.namespace = Objects.requireNonNull(value, "namespace");
        return self();
    }

    @Override
    public Set<String> dependsOn() {
        return Set.copyOf(dependsOn);
    }

    /** Replaces the declared dependencies. */
    public T dependsOn(String... names) {
        dependsOn.clear();
        dependsOn.addAll(List.of(names));
        return self();
    }

    @Override
    public List<HelmChart> charts() {
        return List.of(chart);
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.copyOf(clusterKinds);
    }

    /** More cluster-scoped kinds the chart creates (e.g. with a chart feature turned on in its values). */
    public T clusterKinds(ClusterKind... more) {
        clusterKinds.addAll(List.of(more));
        return self();
    }

    @Override
    public Map<String, List<NetworkAllow>> networkAllows() {
        return allows.isEmpty() ? Map.of() : Map.of(namespace, List.copyOf(allows));
    }

    /** More flows the chart's pods need, in its namespace. */
    public T allow(NetworkAllow... more) {
        allows.addAll(List.of(more));
        return self();
    }

    /** The chart's values in {@code environment}. */
    protected abstract Map<String, Object> values(Environment environment);

    /** The plain objects the platform team owns beside the chart (default none). */
    protected List<GenericKubernetesResource> objects(Environment environment) {
        return List.of();
    }

    @Override
    public void render(Environment environment, Output output) {
        output.add(application(name, chart, name, namespace, values(environment)));
        objects(environment).forEach(output::add);
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        return new ArrayList<>(chart.problems());
    }

    /** An Argo CD {@code Application} installing {@code chart} as {@code release} into {@code namespace}. */
    public static GenericKubernetesResource application(
            String name, HelmChart chart, String release, String namespace, Map<String, Object> values) {
        return Kube.object(
                "argoproj.io/v1alpha1",
                "Application",
                ARGOCD_NAMESPACE,
                name,
                map(
                        "spec",
                        map(
                                "project",
                                PLATFORM_PROJECT,
                                "source",
                                map(
                                        "repoURL",
                                        chart.repoUrl(),
                                        "chart",
                                        chart.chart(),
                                        "targetRevision",
                                        chart.version(),
                                        "helm",
                                        map("releaseName", release, "valuesObject", values)),
                                "destination",
                                map("server", "https://kubernetes.default.svc", "namespace", namespace),
                                "syncPolicy",
                                syncPolicy())));
    }

    /** Automated sync with prune and self-heal; server-side apply for large CRDs. */
    static Map<String, Object> syncPolicy() {
        return map("automated", map("prune", true, "selfHeal", true), "syncOptions", list("ServerSideApply=true"));
    }
}
