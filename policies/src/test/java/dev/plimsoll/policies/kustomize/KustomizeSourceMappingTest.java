package dev.plimsoll.policies.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Linter;
import dev.plimsoll.policies.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings on objects built by Kustomize point at the file and line that set the offending value: a base resource, a
 * patch, or the overlay's kustomization, and name the overlay (its environment) they were built for.
 */
class KustomizeSourceMappingTest {

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels:
                pod-security.kubernetes.io/enforce: restricted
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: shop
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: dns
              namespace: shop
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - ports:
                    - {port: 53, protocol: UDP}
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: registry.example/web@sha256:%s
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
            """.formatted("a".repeat(64));

    private static final String BUDGET = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
              namespace: shop
            spec:
              minAvailable: 2
              selector:
                matchLabels: {app: web}
            """;

    @TempDir
    Path repo;

    @Test
    void overlayImagesWithoutDigest_imageDigestFinding_atTheOverlaysImagesEntry() throws IOException {
        // given
        base();
        write("overlays/prod/kustomization.yaml", """
                resources:
                  - ../../base
                images:
                  - name: registry.example/web
                    newTag: "1.4.2"
                """);

        // when
        List<String> findings = lint("overlays/prod");

        // then
        assertThat(findings)
                .containsExactly(
                        "overlays/prod/kustomization.yaml:5:13 image-digest Deployment/web env prod container 'web'"
                                + " uses image 'registry.example/web:1.4.2' pinned by tag only (:1.4.2), not by digest");
    }

    @Test
    void patchSettingReplicasAndBudget_pdbDrainableFinding_atThePatchLine() throws IOException {
        // given
        base();
        write("overlays/staging/kustomization.yaml", """
                resources:
                  - ../../base
                patches:
                  - path: scale-down.yaml
                """);
        write("overlays/staging/scale-down.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  replicas: 1
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                  namespace: shop
                spec:
                  minAvailable: 1
                """);

        // when
        List<String> findings = lint("overlays/staging");

        // then
        assertThat(findings)
                .containsExactly(
                        "overlays/staging/scale-down.yaml:15:17 pdb-drainable PodDisruptionBudget/web env staging"
                                + " minAvailable: 1 of 1 pods means every pod must stay up and a drain waits forever"
                                + " (Deployment/web runs 1 replica)");
    }

    @Test
    void patchSettingOnlyReplicas_pdbDrainableFinding_atTheBudgetsMinAvailableInTheBase() throws IOException {
        // given
        base();
        write("overlays/staging/kustomization.yaml", """
                resources:
                  - ../../base
                patches:
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: web
                        namespace: shop
                      spec:
                        replicas: 2
                """);

        // when
        List<String> findings = lint("overlays/staging");

        // then: pdb-drainable points at the budget's minAvailable, which the base sets
        assertThat(findings)
                .containsExactly("base/pdb.yaml:7:17 pdb-drainable PodDisruptionBudget/web env staging"
                        + " minAvailable: 2 of 2 pods means every pod must stay up and a drain waits forever"
                        + " (Deployment/web runs 2 replicas)");
    }

    @Test
    void baseContainerWithoutRequests_resourceRequestsFinding_atTheBaseLineForEachOverlay() throws IOException {
        // given
        base();
        write("base/worker.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                  namespace: shop
                spec:
                  selector:
                    matchLabels: {app: worker}
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                        - name: worker
                          image: registry.example/worker@sha256:%s
                """.formatted("b".repeat(64)));
        write("base/kustomization.yaml", """
                resources:
                  - namespace.yaml
                  - deployment.yaml
                  - pdb.yaml
                  - worker.yaml
                """);
        write("overlays/dev/kustomization.yaml", "resources:\n  - ../../base\nnamePrefix: dev-\n");
        write("overlays/prod/kustomization.yaml", "resources:\n  - ../../base\n");

        // when
        List<String> findings = lint(".");

        // then
        assertThat(findings)
                .containsExactly(
                        "base/worker.yaml:14:11 resource-requests Deployment/dev-worker env dev"
                                + " container 'worker' has no cpu request, no memory request, no memory limit",
                        "base/worker.yaml:14:11 resource-requests Deployment/worker env prod"
                                + " container 'worker' has no cpu request, no memory request, no memory limit");
    }

    private void base() throws IOException {
        write("base/namespace.yaml", NAMESPACE);
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/pdb.yaml", BUDGET);
        write("base/kustomization.yaml", """
                resources:
                  - namespace.yaml
                  - deployment.yaml
                  - pdb.yaml
                """);
    }

    private List<String> lint(String path) {
        Report report = Linter.builder().build().lint(LintRequest.of(repo, Path.of(path)));
        return report.findings().stream()
                .filter(finding -> !finding.waived())
                .sorted()
                .map(KustomizeSourceMappingTest::line)
                .toList();
    }

    private static String line(Finding finding) {
        return finding.location() + " " + finding.ruleId() + " "
                + (finding.object() == null
                        ? "-"
                        : finding.object().kind() + "/" + finding.object().name())
                + " env " + finding.environment() + " " + finding.message();
    }

    private void write(String relative, String content) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
