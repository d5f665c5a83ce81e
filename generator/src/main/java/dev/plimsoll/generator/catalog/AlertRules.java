package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.list;
import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeds' capacity and failure alerts as one {@code PrometheusRule}: node CPU and memory at 70% sustained for 15
 * minutes, a persistent volume that will fill within four hours at its current rate, a certificate expiring within 14
 * days, and etcd WAL fsync p99 above 100 ms (slow disks make the whole control plane sluggish).
 */
public final class AlertRules implements CatalogComponent {

    private double threshold = 0.70;

    public static AlertRules create() {
        return new AlertRules();
    }

    /** The sustained node CPU and memory use that alerts (default 0.70). */
    public AlertRules threshold(double value) {
        this.threshold = value;
        return this;
    }

    @Override
    public String name() {
        return "alert-rules";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("kube-prometheus-stack");
    }

    @Override
    public void render(Environment environment, Output output) {
        String percent = Long.toString(Math.round(threshold * 100));
        String severity = environment.tier() == Environment.Tier.PROD ? "critical" : "warning";
        List<Object> rules = list(
                rule(
                        "NodeCpuHigh",
                        "(1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))) > " + threshold,
                        "15m",
                        "warning",
                        "Node {{ $labels.instance }} CPU above " + percent + "% for 15 minutes."),
                rule(
                        "NodeMemoryHigh",
                        "(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) > " + threshold,
                        "15m",
                        "warning",
                        "Node {{ $labels.instance }} memory above " + percent + "% for 15 minutes."),
                rule(
                        "PersistentVolumeFillingUp",
                        "predict_linear(kubelet_volume_stats_available_bytes[6h], 4 * 3600) < 0",
                        "30m",
                        severity,
                        "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} fills within 4 hours."),
                rule(
                        "CertificateExpiringSoon",
                        "certmanager_certificate_expiration_timestamp_seconds - time() < 14 * 24 * 3600",
                        "1h",
                        severity,
                        "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires within 14 days."),
                rule(
                        "EtcdWalFsyncSlow",
                        "histogram_quantile(0.99, rate(etcd_disk_wal_fsync_duration_seconds_bucket[5m])) > 0.1",
                        "10m",
                        severity,
                        "etcd member {{ $labels.instance }} WAL fsync p99 above 100ms."));
        output.add(Kube.object(
                "monitoring.coreos.com/v1",
                "PrometheusRule",
                Tenancy.MONITORING,
                "platform-alerts",
                map("spec", map("groups", list(map("name", "platform", "rules", rules))))));
    }

    private static Map<String, Object> rule(
            String name, String expr, String duration, String severity, String summary) {
        return map(
                "alert",
                name,
                "expr",
                expr,
                "for",
                duration,
                "labels",
                map("severity", severity),
                "annotations",
                map("summary", summary));
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        return threshold > 0 && threshold < 1 ? List.of() : List.of("threshold must be between 0 and 1");
    }
}
