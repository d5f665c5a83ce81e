package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Grafana Alloy as a DaemonSet on every node in {@code alloy}, shipping the logs of the pods on its node from
 * {@code /var/log/pods} to the gateway of a {@link Loki}, labelled with namespace, pod, container and app.
 */
public final class Alloy extends HelmComponent<Alloy> {

    /** The port Alloy's own HTTP server (UI, metrics) listens on: the chart's {@code alloy.listenPort}. */
    public static final int HTTP_PORT = 12345;

    /**
     * Pods of this node only ({@code HOSTNAME} is the node's name, which the chart sets from {@code spec.nodeName}),
     * their log files found by pod UID and container under {@code /var/log/pods}, the CRI line format parsed. The
     * chart passes the content through {@code tpl}, so it must hold no template braces.
     */
    private static final String CONFIG = """
            discovery.kubernetes "pods" {
              role = "pod"
              selectors {
                role  = "pod"
                field = "spec.nodeName=" + coalesce(sys.env("HOSTNAME"), constants.hostname)
              }
            }

            discovery.relabel "pods" {
              targets = discovery.kubernetes.pods.targets
              rule {
                source_labels = ["__meta_kubernetes_namespace"]
                target_label  = "namespace"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_name"]
                target_label  = "pod"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_container_name"]
                target_label  = "container"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_label_app"]
                target_label  = "app"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]
                regex         = "(.+)"
                target_label  = "app"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_uid", "__meta_kubernetes_pod_container_name"]
                separator     = "/"
                target_label  = "__path__"
                replacement   = "/var/log/pods/*$1/*.log"
              }
            }

            local.file_match "pods" {
              path_targets = discovery.relabel.pods.output
            }

            loki.source.file "pods" {
              targets    = local.file_match.pods.targets
              forward_to = [loki.process.pods.receiver]
            }

            loki.process "pods" {
              stage.cri {}
              forward_to = [loki.write.loki.receiver]
            }

            loki.write "loki" {
              endpoint {
                url = "%s"
              }
            }
            """;

    private final Loki loki;
    private final NodePools pools;

    private Alloy(Loki loki, NodePools pools) {
        super(
                "alloy",
                HelmChart.of("https://grafana.github.io/helm-charts", "alloy", "0.12.5"),
                "alloy",
                "namespaces",
                "node-pools",
                loki.name());
        this.loki = Objects.requireNonNull(loki);
        this.pools = Objects.requireNonNull(pools);
        allow(NetworkAllow.egressToNamespace(loki.namespace(), Loki.GATEWAY_PORT));
    }

    /** Alloy on every node of {@code pools}, pushing to {@code loki}'s gateway. */
    public static Alloy shippingTo(Loki loki, NodePools pools) {
        return new Alloy(loki, pools);
    }

    /** Alloy's configuration, pushing to {@code loki}. */
    static String config(Loki loki) {
        return CONFIG.formatted(loki.pushUrl());
    }

    /** Its own egress, and Loki's side of the flow: the gateway admits this namespace. */
    @Override
    public Map<String, List<NetworkAllow>> networkAllows() {
        Map<String, List<NetworkAllow>> allows = new TreeMap<>(super.networkAllows());
        allows.put(loki.namespace(), List.of(NetworkAllow.ingressFromNamespace(namespace(), Loki.GATEWAY_PORT)));
        return allows;
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        return map(
                // the chart's CRDs (PodLogs) serve the operator-style configuration, which this one does not use
                "crds",
                map("create", false),
                "alloy",
                map(
                        "configMap",
                        map("content", config(loki)),
                        "enableReporting",
                        false,
                        // the host's /var/log, read-only: /var/log/pods holds every container's log files
                        "mounts",
                        map("varlog", true),
                        "resources",
                        map("requests", map("cpu", "50m", "memory", "128Mi"), "limits", map("memory", "512Mi"))),
                "controller",
                map(
                        "type",
                        "daemonset",
                        "priorityClassName",
                        NodePools.PLATFORM,
                        // every node runs pods whose logs are wanted, so every pool's taint is tolerated
                        "tolerations",
                        pools.everyNode()));
    }
}
