package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The default {@code StorageClass}: Longhorn (replicated across nodes, installed from its chart; replicas per
 * environment, default 1 in dev and 3 elsewhere) or a cloud CSI driver the cloud already runs (only the class).
 * Volume expansion is allowed; volumes are retained when their claim goes.
 */
public final class Storage extends HelmComponent<Storage> {

    private final String provisioner;
    private final Map<String, Object> parameters;
    private PerEnv<Integer> replicas = PerEnv.by(env -> env.tier() == Environment.Tier.DEV ? 1 : 3);

    private Storage(String provisioner, Map<String, Object> parameters) {
        super(
                "storage",
                HelmChart.of("https://charts.longhorn.io", "longhorn", "1.7.2"),
                "longhorn-system",
                "namespaces",
                "node-pools");
        this.provisioner = provisioner;
        this.parameters = parameters;
        if (isLonghorn()) {
            clusterKinds(ClusterKind.CSI_DRIVER, ClusterKind.PRIORITY_CLASS, ClusterKind.STORAGE_CLASS);
            // managers, engines and instance managers replicate volumes between nodes.
            allow(NetworkAllow.withinNamespace());
        }
    }

    public static Storage longhorn() {
        return new Storage(null, null);
    }

    /** A cloud CSI driver, e.g. {@code ebs.csi.aws.com} with {@code type: gp3}; no chart is installed. */
    public static Storage cloudCsi(String provisioner, Map<String, Object> parameters) {
        return new Storage(Objects.requireNonNull(provisioner), Map.copyOf(parameters));
    }

    public Storage replicas(PerEnv<Integer> value) {
        this.replicas = Objects.requireNonNull(value);
        return this;
    }

    public boolean isLonghorn() {
        return provisioner == null;
    }

    /** The name of the {@code StorageClass}, for the volume claims of stateful apps. */
    public String className() {
        return isLonghorn() ? "longhorn" : "standard";
    }

    @Override
    public List<HelmChart> charts() {
        return isLonghorn() ? super.charts() : List.of();
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return isLonghorn() ? super.clusterKinds() : Set.of(ClusterKind.STORAGE_CLASS);
    }

    @Override
    public void render(Environment environment, Output output) {
        if (isLonghorn()) {
            super.render(environment, output);
        } else {
            objects(environment).forEach(output::add);
        }
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        return map(
                "persistence",
                map("defaultClass", false),
                "defaultSettings",
                map(
                        "defaultReplicaCount",
                        replicas.in(environment).orElse(3),
                        "priorityClass",
                        NodePools.PLATFORM_CRITICAL));
    }

    @Override
    protected List<GenericKubernetesResource> objects(Environment environment) {
        Map<String, Object> params = isLonghorn()
                ? map(
                        "numberOfReplicas",
                        Integer.toString(replicas.in(environment).orElse(3)),
                        "dataLocality",
                        "best-effort")
                : parameters;
        GenericKubernetesResource storageClass = Kube.object(
                "storage.k8s.io/v1",
                "StorageClass",
                null,
                className(),
                map(
                        "provisioner",
                        isLonghorn() ? "driver.longhorn.io" : provisioner,
                        "parameters",
                        params,
                        "allowVolumeExpansion",
                        true,
                        "reclaimPolicy",
                        "Retain",
                        "volumeBindingMode",
                        isLonghorn() ? "Immediate" : "WaitForFirstConsumer"));
        Kube.annotate(storageClass, "storageclass.kubernetes.io/is-default-class", "true");
        return List.of(storageClass);
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        return isLonghorn() ? super.validate(environments) : List.of();
    }
}
