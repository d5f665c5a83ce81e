package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Velero with a {@code BackupStorageLocation} in S3-compatible storage outside the cluster, a daily full backup
 * {@code Schedule} (kept 30 days) and one every 6 hours for the namespaces marked critical (kept 7 days). Database
 * pods get native dumps through {@link #preBackupHook} annotations. The chart and the objects are one component;
 * the objects wait for the chart's CRDs through {@link VeleroSchedules}.
 */
public final class Velero extends HelmComponent<Velero> {

    private final NodePools pools;

    private Velero(NodePools pools) {
        super(
                "velero",
                HelmChart.of("https://vmware-tanzu.github.io/helm-charts", "velero", "8.1.0"),
                "velero",
                "namespaces",
                "node-pools");
        this.pools = Objects.requireNonNull(pools);
        allow(NetworkAllow.httpsEgress());
    }

    public static Velero on(NodePools pools) {
        return new Velero(pools);
    }

    /**
     * Pod annotations that run {@code command} in {@code container} before each backup, e.g. {@code pg_dump} into a
     * backed-up volume, so the backup holds a consistent dump and not only a crash-consistent disk.
     */
    public static Map<String, String> preBackupHook(String container, String command) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("pre.hook.backup.velero.io/container", container);
        annotations.put("pre.hook.backup.velero.io/command", "[\"/bin/sh\", \"-c\", \"" + command + "\"]");
        annotations.put("pre.hook.backup.velero.io/timeout", "10m");
        return annotations;
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        Map<String, Object> values = map(
                "priorityClassName",
                NodePools.PLATFORM,
                "resources",
                map("requests", map("cpu", "100m", "memory", "256Mi"), "limits", map("memory", "512Mi")),
                "deployNodeAgent",
                true,
                "credentials",
                map("useSecret", true, "existingSecret", "velero-object-storage"),
                "backupsEnabled",
                false,
                "snapshotsEnabled",
                false,
                "initContainers",
                list(map(
                        "name",
                        "velero-plugin-for-aws",
                        "image",
                        "velero/velero-plugin-for-aws:v1.11.0",
                        "volumeMounts",
                        list(map("mountPath", "/target", "name", "plugins")))));
        values.putAll(pools.placement(NodePools.Pool.SYSTEM));
        return values;
    }

    /** The storage location and schedules, which need Velero's CRDs first. */
    public static final class VeleroSchedules implements CatalogComponent {

        private final String endpoint;
        private PerEnv<String> bucket = PerEnv.by(env -> "velero-" + env.name());
        private String region = "us-east-1";
        private final List<String> critical = new ArrayList<>();

        private VeleroSchedules(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint);
        }

        /** Backups in the S3-compatible endpoint {@code endpoint}, outside the cluster. */
        public static VeleroSchedules storingIn(String endpoint) {
            return new VeleroSchedules(endpoint);
        }

        public VeleroSchedules bucket(PerEnv<String> value) {
            this.bucket = Objects.requireNonNull(value);
            return this;
        }

        public VeleroSchedules region(String value) {
            this.region = Objects.requireNonNull(value);
            return this;
        }

        /** Namespaces backed up every 6 hours besides the daily full backup. */
        public VeleroSchedules critical(String... namespaces) {
            critical.addAll(List.of(namespaces));
            return this;
        }

        @Override
        public String name() {
            return "velero-schedules";
        }

        @Override
        public Set<String> dependsOn() {
            return Set.of("velero");
        }

        @Override
        public void render(Environment environment, Output output) {
            output.add(Kube.object(
                    "velero.io/v1",
                    "BackupStorageLocation",
                    "velero",
                    "default",
                    map(
                            "spec",
                            map(
                                    "provider",
                                    "aws",
                                    "default",
                                    true,
                                    "objectStorage",
                                    map("bucket", bucket.in(environment).orElseThrow()),
                                    "config",
                                    map("region", region, "s3Url", endpoint, "s3ForcePathStyle", "true")))));
            output.add(schedule("daily-full", "0 2 * * *", "720h0m0s", list("*")));
            if (!critical.isEmpty()) {
                output.add(schedule("critical-6h", "0 */6 * * *", "168h0m0s", new ArrayList<>(critical)));
            }
        }

        private static GenericKubernetesResource schedule(
                String name, String cron, String ttl, List<Object> namespaces) {
            return Kube.object(
                    "velero.io/v1",
                    "Schedule",
                    "velero",
                    name,
                    map(
                            "spec",
                            map(
                                    "schedule",
                                    cron,
                                    "useOwnerReferencesInBackup",
                                    false,
                                    "template",
                                    map(
                                            "includedNamespaces",
                                            namespaces,
                                            "storageLocation",
                                            "default",
                                            "ttl",
                                            ttl,
                                            "defaultVolumesToFsBackup",
                                            true))));
        }
    }
}
