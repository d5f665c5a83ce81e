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
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Argo CD, managing itself: the argo-cd chart, one app-of-apps root {@code Application} per environment pointing at
 * {@code overlays/<env>} of the manifests repository (automated sync, prune, self-heal: drift is reverted and shown),
 * and two {@code AppProject}s — {@code platform} (the manifests repository and the repository of every chart in the
 * catalog, the cluster-scoped kinds its components declare) and {@code tenants} (the manifests repository only, tenant
 * namespaces only, no cluster-scoped kinds).
 */
public final class ArgoCd extends HelmComponent<ArgoCd> {

    /**
     * The health of a child {@code Application} as its own reported health (Argo CD stopped assessing it in 1.8): with
     * it, the root application waits for each sync wave's applications to be healthy before the next wave, instead of
     * only creating them in order.
     */
    public static final String APPLICATION_HEALTH_KEY = "resource.customizations.health.argoproj.io_Application";

    public static final String APPLICATION_HEALTH_LUA = """
            hs = {}
            hs.status = "Progressing"
            hs.message = ""
            if obj.status ~= nil then
              if obj.status.health ~= nil then
                hs.status = obj.status.health.status
                if obj.status.health.message ~= nil then
                  hs.message = obj.status.health.message
                end
              end
            end
            return hs
            """;

    private final String repoUrl;
    private final List<String> tenantNamespaces = new ArrayList<>();
    private final List<HelmChart> charts = new ArrayList<>();
    private PerEnv<Integer> replicas = PerEnv.by(env -> env.tier() == Environment.Tier.DEV ? 1 : 2);

    private ArgoCd(String repoUrl) {
        super(
                "argocd",
                HelmChart.of("https://argoproj.github.io/argo-helm", "argo-cd", "7.7.11"),
                "argocd",
                "namespaces");
        this.repoUrl = Objects.requireNonNull(repoUrl);
        // server, repo server, application controller and redis talk to each other; the repo server fetches from Git
        // and Helm repositories over HTTPS.
        allow(NetworkAllow.withinNamespace(), NetworkAllow.httpsEgress());
    }

    /** Argo CD following {@code repoUrl}, the manifests repository holding {@code base/} and {@code overlays/}. */
    public static ArgoCd following(String repoUrl) {
        return new ArgoCd(repoUrl);
    }

    /** Namespaces the {@code tenants} project may deploy to. */
    public ArgoCd tenantNamespaces(String... namespaces) {
        tenantNamespaces.addAll(List.of(namespaces));
        return this;
    }

    /**
     * Charts the {@code platform} project may install beyond those of the catalog's components, which it allows
     * without being told (their repositories become source repos).
     */
    public ArgoCd charts(HelmChart... more) {
        charts.addAll(List.of(more));
        return this;
    }

    /** Replicas of the server and repo server (default 1 in dev, 2 elsewhere). */
    public ArgoCd replicas(PerEnv<Integer> value) {
        this.replicas = Objects.requireNonNull(value);
        return this;
    }

    @Override
    protected Map<String, Object> values(Environment environment) {
        int count = replicas.in(environment).orElse(1);
        return map(
                "global",
                map("domain", environment.domain() == null ? null : "argocd." + environment.domain()),
                "configs",
                map(
                        "cm",
                        map(
                                "application.resourceTrackingMethod",
                                "annotation",
                                APPLICATION_HEALTH_KEY,
                                APPLICATION_HEALTH_LUA)),
                "server",
                map("replicas", count),
                "repoServer",
                map("replicas", count),
                "redis-ha",
                map("enabled", count > 1));
    }

    @Override
    public void render(Environment environment, Output output) {
        render(environment, output, Catalog.of(this));
    }

    /**
     * The chart, the root application and the projects; the {@code platform} project allows the repositories of every
     * chart in {@code catalog} and every cluster-scoped kind its components declare, so adding a component cannot
     * forget either.
     */
    @Override
    public void render(Environment environment, Output output, Catalog catalog) {
        super.render(environment, output);
        List<Object> sources = new ArrayList<>();
        sources.add(repoUrl);
        Stream.concat(catalog.components().stream().flatMap(c -> c.charts().stream()), charts.stream())
                .map(HelmChart::repoUrl)
                .filter(u -> !u.equals(repoUrl))
                .distinct()
                .sorted()
                .forEach(sources::add);
        Set<ClusterKind> kinds = new TreeSet<>();
        catalog.components().forEach(c -> kinds.addAll(c.clusterKinds()));
        GenericKubernetesResource platform = Kube.object(
                "argoproj.io/v1alpha1",
                "AppProject",
                ARGOCD_NAMESPACE,
                PLATFORM_PROJECT,
                map(
                        "spec",
                        map(
                                "description",
                                "Platform components: charts at exact versions and the platform's own objects.",
                                "sourceRepos",
                                sources,
                                "destinations",
                                list(map("server", "https://kubernetes.default.svc", "namespace", "*")),
                                "clusterResourceWhitelist",
                                kinds.stream()
                                        .map(k -> (Object) map("group", k.group(), "kind", k.kind()))
                                        .toList(),
                                "orphanedResources",
                                map("warn", true))));
        GenericKubernetesResource tenants = Kube.object(
                "argoproj.io/v1alpha1",
                "AppProject",
                ARGOCD_NAMESPACE,
                "tenants",
                map(
                        "spec",
                        map(
                                "description",
                                "Tenant apps: the manifests repository only, tenant namespaces only.",
                                "sourceRepos",
                                list(repoUrl),
                                "destinations",
                                tenantNamespaces.stream()
                                        .map(n -> (Object)
                                                map("server", "https://kubernetes.default.svc", "namespace", n))
                                        .toList(),
                                "clusterResourceWhitelist",
                                list(),
                                "orphanedResources",
                                map("warn", true))));
        GenericKubernetesResource root = Kube.object(
                "argoproj.io/v1alpha1",
                "Application",
                ARGOCD_NAMESPACE,
                "root",
                map(
                        "spec",
                        map(
                                "project",
                                PLATFORM_PROJECT,
                                "source",
                                map(
                                        "repoURL",
                                        repoUrl,
                                        "targetRevision",
                                        "HEAD",
                                        "path",
                                        "overlays/" + environment.name()),
                                "destination",
                                map("server", "https://kubernetes.default.svc"),
                                "syncPolicy",
                                map("automated", map("prune", true, "selfHeal", true)))));
        List.of(platform, tenants, root).forEach(output::add);
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        List<String> problems = super.validate(environments);
        charts.forEach(c -> problems.addAll(c.problems()));
        return problems;
    }
}
