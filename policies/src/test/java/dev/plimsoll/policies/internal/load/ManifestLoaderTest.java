package dev.plimsoll.policies.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.config.EnvironmentConfig;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Namespaces;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: %s
            """;

    @TempDir
    Path root;

    @Test
    void load_directoryTree_filesInPathOrderThenDocumentOrder() throws IOException {
        // given
        write("b.yaml", pod("b1") + "---\n" + pod("b2"));
        write("a/z.yml", pod("az"));
        write("a/b.json", """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "ab"}}
                """);
        write("a-c.yaml", pod("ac"));
        write("notes.txt", pod("ignored"));
        write(".git/config.yaml", pod("hidden-dir"));
        write(".pre-commit-config.yaml", "repos: []\n");
        write("plimsoll.yaml", "failOn: error\n");

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.manifests())
                .extracting(Manifest::toString)
                .containsExactly(
                        "a-c.yaml#0 Pod/ac",
                        "a/b.json#0 Pod/ab",
                        "a/z.yml#0 Pod/az",
                        "b.yaml#0 Pod/b1",
                        "b.yaml#1 Pod/b2");
        assertThat(result.stats().files()).isEqualTo(4);
        assertThat(result.stats().documents()).isEqualTo(5);
        assertThat(result.stats().objects()).isEqualTo(5);
    }

    @Test
    void load_hiddenDirectoryNamedByTheUser_isRead() throws IOException {
        // given
        write(".kyverno-test/resource.yaml", pod("good"));

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".kyverno-test")));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.manifests())
                .extracting(Manifest::toString)
                .containsExactly(".kyverno-test/resource.yaml#0 Pod/good");
    }

    @Test
    void load_yamlSyntaxError_reportedAtItsPositionAndOtherFilesLoaded() throws IOException {
        // given
        write("bad.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: name: x
                """);
        write("good.yaml", pod("good"));

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(rendered(result)).containsExactly("bad.yaml:3:15 yaml-syntax mapping values are not allowed here");
        assertThat(result.manifests()).extracting(Manifest::name).containsExactly("good");
    }

    @Test
    void load_duplicateKey_reportedAtTheSecondKeyAndTheObjectKept() throws IOException {
        // given
        write("dup.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: dup
                  name: dup2
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("dup.yaml")));

        // then
        assertThat(rendered(result))
                .containsExactly(
                        "dup.yaml:5:3 yaml-duplicate-key duplicate key 'name' (first at 4:3); the API server rejects this object");
        assertThat(result.manifests()).extracting(Manifest::name).containsExactly("dup2");
    }

    @Test
    void load_fileOverTheSizeLimit_reportedWithoutReadingIt() throws IOException {
        // given
        write("big.yaml", pod("big") + "# " + "x".repeat(200) + "\n");
        ManifestLoader loader = new ManifestLoader(LintConfig.DEFAULT, new YamlReader.Limits(100, 256, 1000));

        // when
        LoadResult result = loader.load(LintRequest.of(root, Path.of("big.yaml")));

        // then
        assertThat(rendered(result))
                .containsExactly("big.yaml:1:1 yaml-limit file is 250 bytes, over the limit of 100 bytes");
        assertThat(result.stats()).isEqualTo(new Report.Stats(0, 0, 0, 0));
    }

    @Test
    void load_nestingOverTheLimit_reportedAtTheDeepestAllowedLevel() throws IOException {
        // given
        write("deep.yaml", "a: " + "[".repeat(300) + "]".repeat(300) + "\n" + "---\n" + pod("after"));

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("deep.yaml")));

        // then
        assertThat(rendered(result)).containsExactly("deep.yaml:1:259 yaml-limit nesting deeper than 256 levels");
        assertThat(result.manifests()).extracting(Manifest::toString).containsExactly("deep.yaml#1 Pod/after");
    }

    @Test
    void load_invalidUtf8_reportedAtTheBadByte() throws IOException {
        // given
        byte[] bytes = pod("caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("latin1.yaml"), bytes);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("latin1.yaml")));

        // then
        assertThat(rendered(result))
                .containsExactly("latin1.yaml:4:12 input-encoding invalid UTF-8 at byte offset 46 (0xe9)");
        assertThat(result.manifests()).isEmpty();
    }

    @Test
    void load_pathThatDoesNotExist_reportedAsUnreadable() {
        // given
        LintRequest request = LintRequest.of(root, Path.of("missing.yaml"), Path.of("missing-dir"));

        // when
        LoadResult result = load(request);

        // then
        assertThat(rendered(result))
                .containsExactly(
                        "missing-dir:1:1 input-unreadable no such file or directory",
                        "missing.yaml:1:1 input-unreadable no such file or directory");
    }

    @Test
    void load_unreadableFileOrDirectory_reportedAndTheOthersLoaded() throws IOException {
        // given
        Path locked = write("locked.yaml", pod("locked"));
        Path lockedDir = write("locked-dir/pod.yaml", pod("hidden")).getParent();
        write("open.yaml", pod("open"));
        boolean locks = locked.toFile().setReadable(false, false)
                && lockedDir.toFile().setReadable(false, false)
                && !Files.isReadable(locked);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(result.manifests()).extracting(Manifest::name).contains("open");
        Assumptions.assumeTrue(
                locks,
                "file permissions do not stop this user from reading (running as root?); skipping the"
                        + " input-unreadable assertions");
        assertThat(rendered(result))
                .containsExactly(
                        "locked-dir:1:1 input-unreadable cannot list the directory: permission denied",
                        "locked.yaml:1:1 input-unreadable permission denied");
        assertThat(result.manifests()).extracting(Manifest::name).containsExactly("open");
    }

    @Test
    void load_symbolicLinkOutsideTheRoot_notFollowedAndReported(@TempDir Path outside) throws IOException {
        // given
        Files.writeString(outside.resolve("secret.yaml"), pod("outside"));
        Path lint = Files.createDirectories(root.resolve("repo"));
        Files.createSymbolicLink(lint.resolve("link.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(lint.resolve("linked-dir"), outside);
        Files.writeString(lint.resolve("inside.yaml"), pod("inside"));
        Files.createSymbolicLink(lint.resolve("alias.yaml"), lint.resolve("inside.yaml"));

        // when
        LoadResult result = load(LintRequest.of(lint, Path.of(".")));

        // then
        assertThat(rendered(result))
                .containsExactly(
                        "link.yaml:1:1 input-skipped symbolic link leads outside the lint root; not followed",
                        "linked-dir:1:1 input-skipped symbolic link leads outside the lint root; not followed");
        assertThat(result.manifests())
                .extracting(Manifest::toString)
                .containsExactly("alias.yaml#0 Pod/inside", "inside.yaml#0 Pod/inside");
    }

    @Test
    void load_symbolicLinkLoop_walkEndsAndTheLoopIsReported() throws IOException {
        // given
        write("app/pod.yaml", pod("app"));
        Files.createSymbolicLink(root.resolve("app/again"), root.resolve("app"));
        Files.createSymbolicLink(root.resolve("ping"), root.resolve("pong"));
        Files.createSymbolicLink(root.resolve("pong"), root.resolve("ping"));

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(rendered(result))
                .containsExactly(
                        "app/again:1:1 input-skipped symbolic link leads back to app, which is being walked; not followed",
                        "ping:1:1 input-skipped symbolic link loop; not followed",
                        "pong:1:1 input-skipped symbolic link loop; not followed");
        assertThat(result.manifests()).extracting(Manifest::toString).containsExactly("app/pod.yaml#0 Pod/app");
    }

    @Test
    void load_filesWithoutDocumentContent_reportedAsEmpty() throws IOException {
        // given
        write("empty.yaml", "");
        write("blank.yaml", "\n   \n\n");
        write("comments.yaml", "# generated later\n# nothing yet\n");
        write("separators.yaml", "---\n---\n...\n");

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(rendered(result))
                .containsExactly(
                        "blank.yaml:1:1 empty-file file contains no YAML documents",
                        "comments.yaml:1:1 empty-file file contains no YAML documents",
                        "empty.yaml:1:1 empty-file file contains no YAML documents",
                        "separators.yaml:1:1 empty-file file contains no YAML documents");
        assertThat(result.stats()).isEqualTo(new Report.Stats(4, 0, 0, 50));
        assertThat(result.problems()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void load_documentsThatAreNotKubernetesObjects_reportedAtTheMappingThatShouldHoldTheField() throws IOException {
        // given
        write("shapes.yaml", """
                - just
                - a list
                ---
                plain words
                ---
                replicas: 3
                ---
                apiVersion: v1
                kind: ConfigMap
                data: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  labels: {app: x}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  generateName: worker-
                ---
                apiVersion: 1
                kind: ConfigMap
                metadata:
                  name: typed
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("shapes.yaml")));

        // then
        assertThat(rendered(result))
                .containsExactly(
                        "shapes.yaml:1:1 not-kubernetes document is a sequence, not a Kubernetes object",
                        "shapes.yaml:4:1 not-kubernetes document is a scalar, not a Kubernetes object",
                        "shapes.yaml:6:1 not-kubernetes missing apiVersion, kind and metadata.name",
                        "shapes.yaml:8:1 not-kubernetes missing metadata.name",
                        "shapes.yaml:15:3 not-kubernetes missing metadata.name",
                        "shapes.yaml:22:1 not-kubernetes apiVersion is not a string");
        assertThat(result.problems())
                .extracting(f -> f.location().pointer())
                .containsExactly("", "", "", "", "/metadata", "");
        assertThat(result.manifests()).extracting(Manifest::toString).containsExactly("shapes.yaml#5 Pod/");
        assertThat(result.stats().documents()).isEqualTo(7);
    }

    @Test
    void load_helmTemplateThatDoesNotParse_reportedAtTheFirstTemplateInsteadOfASyntaxError() throws IOException {
        // given
        write("chart/templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "app.fullname" . }}
                  labels:
                    {{- include "app.labels" . | nindent 4 }}
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("chart")));

        // then
        assertThat(rendered(result))
                .containsExactly("chart/templates/deployment.yaml:4:9 helm-template does not parse as YAML and looks"
                        + " like a Helm template; render it with `helm template` first and lint the output");
        assertThat(result.manifests()).isEmpty();
    }

    @Test
    void load_helmTemplateThatParses_documentReportedAndSkipped() throws IOException {
        // given
        write("service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: "{{ .Release.Name }}-web"
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: plain
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("service.yaml")));

        // then
        assertThat(rendered(result))
                .containsExactly("service.yaml:4:9 helm-template looks like a Helm template ({{ .Release.Name }});"
                        + " render it with `helm template` first and lint the output");
        assertThat(result.manifests()).extracting(Manifest::toString).containsExactly("service.yaml#1 Service/plain");
    }

    @Test
    void load_goTemplatesOfOtherTools_notTakenForHelm() throws IOException {
        // given
        write("rules.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: node
                spec:
                  groups:
                    - name: node
                      rules:
                        - alert: NodeDown
                          annotations:
                            summary: "{{ $labels.instance }} is down ({{ .Labels.job }})"
                            description: Value is {{ $value }}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: argocd-notifications-cm
                data:
                  template.app-deployed: |
                    message: "{{.app.metadata.name}} is running {{ .Values.unused }}"
                  injection: >
                    {{ toYaml .Values.global.proxy.resources | indent 6 }}
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("rules.yaml")));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.manifests()).hasSize(2);
    }

    @Test
    void load_syntaxErrorInADocumentWithGoTemplatesInABlock_reportedAsYamlSyntax() throws IOException {
        // given
        write("alertmanager.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: alertmanager-main
                stringData:
                  alertmanager.yaml: |
                    receivers:
                      - name: slack
                        slack_configs:
                          - title: '{{ .CommonLabels.alertname }}'
                type: Opaque
                  extra: [
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("alertmanager.yaml")));

        // then
        assertThat(rendered(result)).singleElement().asString().startsWith("alertmanager.yaml:12:8 yaml-syntax ");
    }

    @Test
    void load_unquotedGoTemplateOfAnotherTool_reportedAsYamlSyntax() throws IOException {
        // given
        write("rule.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: node
                spec:
                  groups:
                    - name: node
                      rules:
                        - alert: NodeDown
                          annotations:
                            summary: {{ $labels.instance }} is down
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("rule.yaml")));

        // then
        assertThat(rendered(result))
                .containsExactly("rule.yaml:11:23 yaml-syntax a mapping key must be a scalar; a value that starts"
                        + " with '{{' must be quoted");
    }

    @Test
    void load_kustomizeTreeThatDoesNotBuild_buildReportedAndTheFilesItReadsAsPatchesOrInputsNotLinted()
            throws IOException {
        // given
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                configMapGenerator:
                  - name: app
                    files:
                      - settings.yaml
                      - extra=config/extra.json
                    envs:
                      - app.env.yaml
                """);
        write("base/deployment.yaml", pod("app"));
        write("base/settings.yaml", "logLevel: debug\n");
        write("base/config/extra.json", "{\"feature\": true}\n");
        write("base/app.env.yaml", "A: b\n");
        write("overlays/prod/Kustomization", """
                resources:
                  - ../../base
                components:
                  - ../../components/tls
                patches:
                  - path: replicas.yaml
                patchesStrategicMerge:
                  - memory.yaml
                  - |-
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: inline
                patchesJson6902:
                  - target: {kind: Pod, name: app}
                    path: ops.json
                replacements:
                  - path: replacement.yaml
                """);
        write("overlays/prod/replicas.yaml", "spec:\n  replicas: 3\n");
        write("overlays/prod/memory.yaml", "metadata:\n  name: app\n");
        write("overlays/prod/ops.json", "[{\"op\": \"add\", \"path\": \"/x\", \"value\": 1}]\n");
        write("overlays/prod/replacement.yaml", "source: {kind: Pod}\n");
        write("components/tls/kustomization.yml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                patches:
                  - path: tls-patch.yaml
                """);
        write("components/tls/tls-patch.yaml", "- op: add\n");
        write("generated/config.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: []
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: flux-apps
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(rendered(result))
                .containsExactly("base/kustomization.yaml:11:9 kustomize-build building overlays/prod:"
                        + " invalid environment variable name 'A: b' in app.env.yaml");
        assertThat(result.manifests())
                .extracting(Manifest::toString)
                .containsExactly("base/deployment.yaml#0 Pod/app", "generated/config.yaml#1 Kustomization/flux-apps");
    }

    @Test
    void load_overlaysOfOneBase_eachOverlayBuiltAsItsOwnEnvironmentAndTheBaseNotLintedAlone() throws IOException {
        // given
        write("base/kustomization.yaml", "resources:\n- pod.yaml\n");
        write("base/pod.yaml", pod("app"));
        write("overlays/prod/kustomization.yaml", "resources:\n- ../../base\nnamePrefix: prod-\n");
        write("overlays/dev/kustomization.yaml", "resources:\n- ../../base\n- extra.yaml\nnamePrefix: dev-\n");
        write("overlays/dev/extra.yaml", pod("extra"));
        write("plain/pod.yaml", pod("plain"));

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.manifests())
                .extracting(m -> m.environment() + " " + m)
                .containsExactly(
                        "dev base/pod.yaml#0 Pod/dev-app",
                        "dev overlays/dev/extra.yaml#0 Pod/dev-extra",
                        "prod base/pod.yaml#0 Pod/prod-app",
                        "null plain/pod.yaml#0 Pod/plain");
    }

    @Test
    void load_oneOverlayNamed_onlyThatOverlayBuiltWithItsEnvironmentFromTheConfig() throws IOException {
        // given
        write("base/kustomization.yaml", "resources:\n- pod.yaml\n");
        write("base/pod.yaml", pod("app"));
        write("overlays/production-eu/kustomization.yaml", "resources:\n- ../../base\n");
        ManifestLoader loader = new ManifestLoader(
                config(new EnvironmentConfig("prod", List.of("overlays/production-*/**"), Map.of())));

        // when
        LoadResult result = loader.load(LintRequest.of(root, Path.of("overlays/production-eu")));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.manifests())
                .extracting(m -> m.environment() + " " + m)
                .containsExactly("prod base/pod.yaml#0 Pod/app");
    }

    @Test
    void load_kustomizationReadingOutsideTheRoot_pathEscapeReportedAndNothingRead() throws IOException {
        // given
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("pod.yaml"), pod("secret"));
        String escape =
                root.resolve("app").relativize(outside.resolve("pod.yaml")).toString();
        write("app/kustomization.yaml", "resources:\n- " + escape + "\n");

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(rendered(result))
                .containsExactly("app/kustomization.yaml:2:3 kustomize-path-escape building app: '" + escape
                        + "' leads outside the lint root; it was not read");
        assertThat(result.manifests()).isEmpty();
    }

    @Test
    void load_kustomizationWithASyntaxError_reported() throws IOException {
        // given
        write("kustomization.yaml", "resources: [a.yaml\n");

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(rendered(result)).singleElement().asString().startsWith("kustomization.yaml:2:1 yaml-syntax ");
    }

    @Test
    void load_environmentsInConfig_firstMatchingGlobWins() throws IOException {
        // given
        write("overlays/prod/app.yaml", pod("prod-app"));
        write("overlays/prod/deep/more.yaml", pod("prod-more"));
        write("overlays/staging/app.yaml", pod("staging-app"));
        write("base/app.yaml", pod("base-app"));
        LintConfig config = config(
                new EnvironmentConfig("prod", List.of("overlays/prod/**"), Map.of()),
                new EnvironmentConfig("staging", List.of("overlays/staging"), Map.of()),
                new EnvironmentConfig("everything", List.of("**/*.yaml"), Map.of()));

        // when
        LoadResult result = new ManifestLoader(config).load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(result.manifests())
                .extracting(m -> m.name() + "=" + m.environment())
                .containsExactly("base-app=everything", "prod-app=prod", "prod-more=prod", "staging-app=staging");
    }

    @Test
    void load_environmentOverride_appliesToEveryInputAndFinding() throws IOException {
        // given
        write("overlays/staging/app.yaml", pod("app"));
        write("overlays/staging/empty.yaml", "");
        LintConfig config = config(new EnvironmentConfig("staging", List.of("overlays/staging/**"), Map.of()));

        // when
        LoadResult result = new ManifestLoader(config)
                .load(LintRequest.of(root, Path.of("overlays")).withEnvironment("prod"));

        // then
        assertThat(result.manifests()).extracting(Manifest::environment).containsExactly("prod");
        assertThat(result.problems()).extracting(Finding::environment).containsExactly("prod");
    }

    @Test
    void load_hydratedOutput_eachRenderedDirectoryIsItsOwnEnvironmentUnlessTheConfigSaysOtherwise() throws IOException {
        // given: the generator's rendered/<env>/ (one object a file), also one level down, and a stray file
        write("rendered/dev/app.yaml", pod("dev-app"));
        write("rendered/prod/app.yaml", pod("prod-app"));
        write("clusters/eu/rendered/staging/app.yaml", pod("eu-staging-app"));
        write("rendered/loose.yaml", pod("loose"));
        LintConfig config = config(new EnvironmentConfig("production", List.of("rendered/prod/**"), Map.of()));

        // when
        LoadResult result = new ManifestLoader(config).load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(result.manifests())
                .extracting(m -> m.name() + "=" + m.environment())
                .containsExactlyInAnyOrder(
                        "dev-app=dev", "prod-app=production", "eu-staging-app=staging", "loose=null");
    }

    @Test
    void load_noMatchingEnvironment_environmentIsNull() throws IOException {
        // given
        write("app.yaml", pod("app"));
        LintConfig config = config(new EnvironmentConfig("prod", List.of("overlays/prod/**"), Map.of()));

        // when
        LoadResult result = new ManifestLoader(config).load(LintRequest.of(root, Path.of("app.yaml")));

        // then
        assertThat(result.manifests()).extracting(Manifest::environment).containsOnlyNulls();
    }

    @Test
    void load_stdinSource_namedAndMatchedByItsName() {
        // given
        LintConfig config = config(new EnvironmentConfig("piped", List.of("<stdin>"), Map.of()));
        LintRequest request = LintRequest.ofSources(List.of(Source.of("<stdin>", pod("piped") + "---\nfoo: [\n")));

        // when
        LoadResult result = new ManifestLoader(config).load(request);

        // then
        assertThat(result.manifests())
                .extracting(m -> m + " " + m.environment())
                .containsExactly("<stdin>#0 Pod/piped piped");
        assertThat(rendered(result)).singleElement().asString().startsWith("<stdin>:7:1 yaml-syntax ");
        assertThat(result.stats())
                .isEqualTo(new Report.Stats(1, 1, 1, pod("piped").length() + 11));
    }

    @Test
    void load_jsonFile_positionsPointIntoTheJson() throws IOException {
        // given
        write("pod.json", """
                {
                  "apiVersion": "v1",
                  "kind": "Pod",
                  "metadata": {
                    "name": "json"
                  }
                }
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("pod.json")));

        // then
        assertThat(result.problems()).isEmpty();
        Manifest pod = result.manifests().get(0);
        assertThat(pod.metadata().get("name").position()).hasToString("5:13");
    }

    @Test
    void load_kindList_eachItemAnObjectPointingAtItsOwnNode() throws IOException {
        // given
        write("list.json", """
                {
                  "apiVersion": "v1",
                  "kind": "List",
                  "metadata": {"resourceVersion": ""},
                  "items": [
                    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "one"}},
                    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {}},
                    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "two"}}
                  ]
                }
                """);
        write("typed-list.yaml", """
                apiVersion: v1
                kind: ServiceList
                items: []
                """);

        // when
        LoadResult result = load(LintRequest.of(root, Path.of(".")));

        // then
        assertThat(result.manifests())
                .extracting(m -> m + " " + m.root().pointer() + " " + m.root().position())
                .containsExactly("list.json#0 ConfigMap/one /items/0 6:5", "list.json#0 ConfigMap/two /items/2 8:5");
        assertThat(rendered(result)).containsExactly("list.json:7:59 not-kubernetes missing metadata.name");
        assertThat(result.problems().get(0).location().pointer()).isEqualTo("/items/1/metadata");
        assertThat(result.stats())
                .extracting(Report.Stats::documents, Report.Stats::objects)
                .containsExactly(2, 2);
    }

    @Test
    void load_pathOutsideTheRoot_shownAsGivenNormalized(@TempDir Path other) throws IOException {
        // given
        Path repo = Files.createDirectories(root.resolve("repo"));
        write("shared/pod.yaml", pod("shared"));
        write("shared/empty.yaml", "");

        // when
        LoadResult result = load(LintRequest.of(repo, Path.of("../shared/./")));

        // then
        assertThat(result.manifests()).extracting(Manifest::file).containsExactly("../shared/pod.yaml");
        assertThat(rendered(result))
                .containsExactly("../shared/empty.yaml:1:1 empty-file file contains no YAML documents");
    }

    @Test
    void load_sameFileNamedTwice_loadedOnce() throws IOException {
        // given
        write("app/pod.yaml", pod("once"));

        // when
        LoadResult result = load(LintRequest.of(root, Path.of("app"), Path.of("app/pod.yaml"), root.resolve("app")));

        // then
        assertThat(result.manifests()).extracting(Manifest::toString).containsExactly("app/pod.yaml#0 Pod/once");
    }

    @Test
    void load_twice_identicalResults() throws IOException {
        // given
        for (int i = 0; i < 40; i++) {
            write("dir" + (i % 7) + "/file" + i + ".yaml", pod("p" + i) + "---\n" + pod("q" + i) + "---\nbroken: [\n");
        }
        LintRequest request = LintRequest.of(root, Path.of("."));

        // when
        LoadResult first = load(request);
        LoadResult second = load(request);

        // then
        assertThat(second.manifests())
                .extracting(Manifest::toString)
                .containsExactlyElementsOf(
                        first.manifests().stream().map(Manifest::toString).toList());
        assertThat(second.problems()).containsExactlyElementsOf(first.problems());
        assertThat(second.stats()).isEqualTo(first.stats());
        assertThat(first.manifests()).hasSize(80);
        assertThat(first.problems()).hasSize(40);
    }

    private LoadResult load(LintRequest request) {
        return new ManifestLoader(LintConfig.DEFAULT).load(request);
    }

    private static LintConfig config(EnvironmentConfig... environments) {
        return new LintConfig(Map.of(), Namespaces.DEFAULT, List.of(environments), Severity.ERROR);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String pod(String name) {
        return POD.formatted(name);
    }

    /** Each finding as {@code file:line:col rule message}, in report order. */
    private static List<String> rendered(LoadResult result) {
        return result.problems().stream()
                .sorted()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message())
                .toList();
    }
}
