package dev.plimsoll.policies.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.SequenceNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the corpus of real-world manifests ({@code shared/corpus}, see its SOURCES.md): every file there is a valid
 * manifest that Kubernetes accepts, so the loader must read all of it, and each problem it reports is one that was
 * checked by hand to be real.
 */
class CorpusLoadTest {

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        String property = System.getProperty("plimsoll.corpus", "../shared/corpus");
        corpus = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(corpus.resolve("real"))) {
            System.err.println(
                    "!!!!! CorpusLoadTest: corpus not found at " + corpus + "; SKIPPING the corpus tests !!!!!");
        }
        Assumptions.assumeTrue(
                Files.isDirectory(corpus.resolve("real")),
                "corpus not found at " + corpus + " (system property plimsoll.corpus); skipping");
    }

    @Test
    void load_realManifests_everyDocumentAnObjectOrAGenuineProblem() throws IOException {
        // given
        Path real = corpus.resolve("real");
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("."));
        // Hidden folders are not walked into; name them, as a user would, so that every file is read.
        paths.addAll(hiddenDirectories(real));
        LintRequest request = new LintRequest(real, paths, List.of(), null);

        // when
        long start = System.nanoTime();
        LoadResult result = new ManifestLoader(LintConfig.DEFAULT).load(request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LoadResult again = new ManifestLoader(LintConfig.DEFAULT).load(request);

        // then
        print("real", result, millis);
        assertThat(rendered(result))
                .as("each was checked by hand: duplicate keys that the API server rejects, and two kube-scheduler"
                        + " policy files, which are component config rather than API objects")
                .containsExactly(
                        "kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml:12:3 yaml-duplicate-key"
                                + " duplicate key 'selector' (first at 6:3); the API server rejects this object",
                        "kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml:12:3"
                                + " yaml-duplicate-key duplicate key 'selector' (first at 6:3); the API server rejects"
                                + " this object",
                        "kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml:12:3"
                                + " yaml-duplicate-key duplicate key 'selector' (first at 8:3); the API server rejects"
                                + " this object",
                        "kubernetes-examples/_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml"
                                + ":9:1 yaml-duplicate-key duplicate key 'type' (first at 5:1); the API server rejects"
                                + " this object",
                        "kubernetes-examples/_archived/scheduler-policy/scheduler-policy-config-with-extender.json:1:1"
                                + " not-kubernetes missing metadata.name",
                        "kubernetes-examples/_archived/scheduler-policy/scheduler-policy-config.json:1:1"
                                + " not-kubernetes missing metadata.name",
                        "kubernetes-examples/_archived/volumes/scaleio/sc-pvc.yaml:12:3 yaml-duplicate-key duplicate"
                                + " key 'storageClassName' (first at 6:3); the API server rejects this object");
        assertThat(unaccounted(real, result))
                .as("documents neither loaded nor reported")
                .isEmpty();
        assertThat(result.stats().files()).isEqualTo(countFiles(real));
        assertSame(result, again);
    }

    @Test
    void load_kustomizeTrees_noResourceMissedAndNoPatchTakenForAnObject() throws IOException {
        // given
        Path kustomize = corpus.resolve("kustomize");
        LintRequest request = LintRequest.of(kustomize, Path.of("."));

        // when
        long start = System.nanoTime();
        LoadResult result = new ManifestLoader(LintConfig.DEFAULT).load(request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LoadResult again = new ManifestLoader(LintConfig.DEFAULT).load(request);

        // then
        print("kustomize", result, millis);
        assertThat(rendered(result))
                .as("each was checked by hand: placeholder files that hold only a comment, a JSON patch and a"
                        + " component config that no kustomization reads any more, an istioctl IstioOperator input"
                        + " without a name, and a Postman collection")
                .containsExactly(
                        "flux2-kustomize-helm-example/clusters/production/flux-system/gotk-components.yaml:1:1"
                                + " empty-file file contains no YAML documents",
                        "flux2-kustomize-helm-example/clusters/production/flux-system/gotk-sync.yaml:1:1 empty-file"
                                + " file contains no YAML documents",
                        "flux2-kustomize-helm-example/clusters/staging/flux-system/gotk-components.yaml:1:1"
                                + " empty-file file contains no YAML documents",
                        "flux2-kustomize-helm-example/clusters/staging/flux-system/gotk-sync.yaml:1:1 empty-file"
                                + " file contains no YAML documents",
                        "flux2-multi-tenancy/clusters/production/flux-system/gotk-components.yaml:1:1 empty-file"
                                + " file contains no YAML documents",
                        "flux2-multi-tenancy/clusters/production/flux-system/gotk-sync.yaml:1:1 empty-file file"
                                + " contains no YAML documents",
                        "flux2-multi-tenancy/clusters/staging/flux-system/gotk-components.yaml:1:1 empty-file file"
                                + " contains no YAML documents",
                        "flux2-multi-tenancy/clusters/staging/flux-system/gotk-sync.yaml:1:1 empty-file file"
                                + " contains no YAML documents",
                        "gitops-catalog/openshift-pipelines-tasks/newman/tests/newman-test-collection.json:1:1"
                                + " not-kubernetes missing apiVersion, kind and metadata.name",
                        "grafana-operator/config/scorecard/patches/basic.config.yaml:1:1 not-kubernetes document is"
                                + " a sequence, not a Kubernetes object",
                        "kubeflow-manifests/applications/tensorboard/tensorboard-controller/upstream/manager"
                                + "/controller_manager_config.yaml:1:1 not-kubernetes missing metadata.name",
                        "kubeflow-manifests/applications/tensorboard/tensorboard-controller/upstream/webhook"
                                + "/manifests.yaml:1:1 empty-file file contains no YAML documents",
                        "kubeflow-manifests/common/istio/profile-overlay.yaml:1:1 not-kubernetes missing"
                                + " metadata.name",
                        "kubeflow-manifests/common/istio/profile.yaml:1:1 not-kubernetes missing metadata.name");
        assertSame(result, again);
    }

    /** The non-empty documents of walked files for which the loader produced neither an object nor a finding. */
    private static List<String> unaccounted(Path dir, LoadResult result) throws IOException {
        Map<String, List<Manifest>> manifests =
                result.manifests().stream().collect(Collectors.groupingBy(Manifest::file));
        Map<String, List<Finding>> findings = result.problems().stream()
                .collect(Collectors.groupingBy(f -> f.location().file()));
        YamlReader reader = new YamlReader();
        List<String> out = new ArrayList<>();
        for (Path file : manifestFiles(dir)) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            List<YamlReader.Document> documents =
                    reader.read(Files.readAllBytes(file)).documents();
            for (int i = 0; i < documents.size(); i++) {
                YamlReader.Document document = documents.get(i);
                if (document.root() == null || document.root().isNull() || isEmptyList(document.root())) {
                    continue;
                }
                int index = document.index();
                int from = document.start().line();
                int to = i + 1 < documents.size() ? documents.get(i + 1).start().line() : Integer.MAX_VALUE;
                boolean loaded =
                        manifests.getOrDefault(name, List.of()).stream().anyMatch(m -> m.documentIndex() == index);
                boolean reported = findings.getOrDefault(name, List.of()).stream()
                        .anyMatch(
                                f -> f.location().line() >= from && f.location().line() < to);
                if (!loaded && !reported) {
                    out.add(name + "#" + index);
                }
            }
        }
        return out;
    }

    private static boolean isEmptyList(Node root) {
        return root instanceof MappingNode mapping
                && mapping.string("kind").filter(k -> k.endsWith("List")).isPresent()
                && mapping.get("items") instanceof SequenceNode items
                && items.length() == 0;
    }

    private static void assertSame(LoadResult result, LoadResult again) {
        Function<Manifest, String> identity =
                m -> m + " " + m.root().position() + " " + m.root().pointer() + " " + m.environment();
        assertThat(again.manifests().stream().map(identity).toList())
                .as("loading twice gives the same objects in the same order")
                .isEqualTo(result.manifests().stream().map(identity).toList());
        assertThat(again.problems()).isEqualTo(result.problems());
        assertThat(again.stats()).isEqualTo(result.stats());
        assertThat(result.problems())
                .extracting(Finding::ruleId)
                .doesNotContain(Diagnostic.TOOL_ERROR.id(), Diagnostic.YAML_SYNTAX.id(), Diagnostic.HELM_TEMPLATE.id());
    }

    private static void print(String name, LoadResult result, long millis) {
        Map<String, Long> byId = result.problems().stream()
                .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
        System.out.printf(
                "corpus %s: %d files, %d documents, %d objects, %d bytes, problems %s, loaded in %d ms%n",
                name,
                result.stats().files(),
                result.stats().documents(),
                result.stats().objects(),
                result.stats().bytes(),
                byId,
                millis);
    }

    private static List<String> rendered(LoadResult result) {
        return result.problems().stream()
                .sorted()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message())
                .toList();
    }

    private static List<Path> hiddenDirectories(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("."))
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> manifestFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> InputWalker.isManifestFileName(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    private static int countFiles(Path dir) throws IOException {
        return manifestFiles(dir).size();
    }
}
