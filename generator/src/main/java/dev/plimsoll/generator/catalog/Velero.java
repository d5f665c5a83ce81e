package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Velero with a {@code BackupStorageLocation} in S3-compatible storage outside the cluster, a daily full backup
 * {@code Schedule} (kept 30 days) and one every 6 hours for the namespaces marked critical (kept 7 days). Database
 * pods get native dumps through pre-backup hook annotations ({@link #pgDumpHook}, {@link #preBackupHook}), which an
 * app carries with {@code App.podAnnotations}. The chart and the objects are one component; the objects wait for the
 * chart's CRDs through {@link VeleroSchedules}.
 */
public final class Velero extends HelmComponent<Velero> {

    /**
     * The AWS object-store plugin, by tag and digest. The digest of {@code v1.14.0} is the one Renovate pinned in
     * shepherdjerred/monorepo, packages/homelab/src/cdk8s/src/versions.ts (at commit
     * 006a79257d623a90f3eda1698b1d1235cf494c85, beside the velero chart 12.0.x). We left {@code v1.11.0}, for which no
     * published digest could be verified; plugin 1.14.x goes with Velero 1.18.x (velero-io/velero-plugin-for-aws
     * README, "Compatibility"), so the chart moved from 8.1.0 to 12.1.0, whose appVersion is 1.18.1.
     */
    private static final String AWS_PLUGIN = "velero/velero-plugin-for-aws:v1.14.0"
            + "@sha256:7e82f717f44e89671212e0dfce7e061321c386ea84a33bca64a671670ca6c278";

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DUMP_FILE = Pattern.compile("/[-._/A-Za-z0-9]*[-_A-Za-z0-9]");

    private final NodePools pools;

    private Velero(NodePools pools) {
        super(
                "velero",
                HelmChart.of("https://vmware-tanzu.github.io/helm-charts", "velero", "12.1.0"),
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
     * Pod annotations that run {@code command} with {@code /bin/sh -c} in {@code container} before each backup, e.g.
     * {@code pg_dump} into a backed-up volume, so the backup holds a consistent dump and not only a crash-consistent
     * disk. A failing command fails the pod's part of the backup (Velero's default), after 10 minutes at most.
     */
    public static Map<String, String> preBackupHook(String container, String command) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("pre.hook.backup.velero.io/container", container);
        // a JSON array, as Velero reads the annotation: the command may hold quotes and backslashes
        annotations.put(
                "pre.hook.backup.velero.io/command",
                Stream.of("/bin/sh", "-c", command)
                        .map(part -> TextNode.valueOf(part).toString())
                        .collect(Collectors.joining(", ", "[", "]")));
        annotations.put("pre.hook.backup.velero.io/timeout", "10m");
        return annotations;
    }

    /**
     * A {@link #preBackupHook} that dumps the PostgreSQL database {@code database} with {@code pg_dump} (custom format,
     * as the {@code postgres} role over the container's local socket) into {@code file}, which must lie on a volume
     * the backup copies. The dump is written beside {@code file} and renamed, so that a backup never holds half a
     * dump. Names and paths are limited to letters, digits, {@code _}, {@code -}, {@code .} and {@code /}: they go
     * into a shell command unquoted.
     */
    public static Map<String, String> pgDumpHook(String container, String database, String file) {
        if (!DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("database '" + database + "' is not a plain PostgreSQL identifier");
        }
        if (!DUMP_FILE.matcher(file).matches() || file.contains("/../")) {
            throw new IllegalArgumentException("dump file '" + file + "' is not a plain absolute path");
        }
        String directory = file.substring(0, file.lastIndexOf('/'));
        String partial = file + ".partial";
        return preBackupHook(
                container,
                (directory.isEmpty() ? "" : "mkdir -p " + directory + " && ")
                        + "pg_dump --username=postgres --format=custom --file=" + partial + " " + database
                        + " && mv " + partial + " " + file);
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        Map<String, Object> values = map(
                "priorityClassName",
                NodePools.PLATFORM,
                "resources",
                requests("100m", "256Mi", "512Mi"),
                "deployNodeAgent",
                true,
                // Kyverno's require-requests admits no pod whose containers ask for nothing, node agent included;
                // the node agent backs up the volumes of every node, so it tolerates every pool's taint
                "nodeAgent",
                map("resources", requests("100m", "256Mi", "1Gi"), "tolerations", pools.everyNode()),
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
                        AWS_PLUGIN,
                        "resources",
                        requests("10m", "32Mi", "64Mi"),
                        "volumeMounts",
                        list(map("mountPath", "/target", "name", "plugins")))));
        values.putAll(pools.placement(NodePools.Pool.SYSTEM));
        return values;
    }

    private static Map<String, Object> requests(String cpu, String memory, String memoryLimit) {
        return map("requests", map("cpu", cpu, "memory", memory), "limits", map("memory", memoryLimit));
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
