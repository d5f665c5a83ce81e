package dev.plimsoll.policies.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Kustomize feature per test, krusty style: a small tree written here, built by {@link KustomizeRenderer}, compared
 * with the output {@code kubectl kustomize} (v1.32.4, Kustomize v5.5.0) printed for the same tree, captured once and
 * pasted here.
 */
class KustomizeRendererTest {

    @TempDir
    Path root;

    /** Resources from files, a directory with its own kustomization, output in the legacy kind order. */
    @Test
    void resourcesFilesAndDirectories_builtInLegacyOrder() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml",
                """
                resources:
                - deployment.yaml
                - sub
                - service.yaml
                """,
                "deployment.yaml",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "service.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 80
                """,
                "sub/kustomization.yaml",
                """
                resources:
                - sa.yaml
                - ns.yaml
                """,
                "sub/sa.yaml",
                """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                """,
                "sub/ns.yaml",
                """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                  - port: 80
                    targetPort: 80
                  selector:
                    app: web
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** namespace, namePrefix and nameSuffix; the Deployment's references to its ServiceAccount and ConfigMap follow the new names; a RoleBinding subject named default gets the namespace. */
    @Test
    void namespaceAndPrefixSuffix_nameReferencesFollow() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                namespace: shop
                namePrefix: prod-
                nameSuffix: -v2
                resources:
                - deployment.yaml
                - sa.yaml
                - cm.yaml
                - rb.yaml
                """, "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """, "sa.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                """, "cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  a: b
                """, "rb.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: rb
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: view
                subjects:
                - kind: ServiceAccount
                  name: web
                - kind: ServiceAccount
                  name: default
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: prod-web-v2
                  namespace: shop
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: prod-rb-v2
                  namespace: shop
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: view
                subjects:
                - kind: ServiceAccount
                  name: prod-web-v2
                  namespace: shop
                - kind: ServiceAccount
                  name: default
                  namespace: shop
                ---
                apiVersion: v1
                data:
                  a: b
                kind: ConfigMap
                metadata:
                  name: prod-settings-v2
                  namespace: shop
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: prod-web-v2
                  namespace: shop
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: prod-settings-v2
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: prod-web-v2
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** labels with includeSelectors and includeTemplates, commonLabels, commonAnnotations. */
    @Test
    void labelsAndCommonLabels_selectorsAndTemplates() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - deployment.yaml
                - service.yaml
                labels:
                - pairs:
                    team: shop
                  includeTemplates: true
                - pairs:
                    tier: front
                  includeSelectors: true
                commonLabels:
                  env: prod
                commonAnnotations:
                  owner: platform
                """,
                "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 80
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  annotations:
                    owner: platform
                  labels:
                    env: prod
                    team: shop
                    tier: front
                  name: web
                spec:
                  ports:
                  - port: 80
                    targetPort: 80
                  selector:
                    app: web
                    env: prod
                    tier: front
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  annotations:
                    owner: platform
                  labels:
                    app: web
                    env: prod
                    team: shop
                    tier: front
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                      env: prod
                      tier: front
                  template:
                    metadata:
                      annotations:
                        owner: platform
                      labels:
                        app: web
                        env: prod
                        team: shop
                        tier: front
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** images (newName, newTag, digest) and replicas. */
    @Test
    void imagesAndReplicas() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - deployment.yaml
                images:
                - name: nginx
                  newName: registry.example/nginx
                  digest: sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
                replicas:
                - name: web
                  count: 5
                """,
                "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  replicas: 5
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: registry.example/nginx@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** A strategic merge patch: containers merged by name (the patch's first), env by name, a volume deleted with $patch: delete, ports replaced with $patch: replace, a field deleted with null. */
    @Test
    void strategicMergePatch_mergeKeysAndDirectives() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - deployment.yaml
                patches:
                - path: patch.yaml
                """,
                "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                      - name: sidecar
                        image: busybox:1.36
                      - name: web
                        env:
                        - name: MODE
                          value: patched
                        - name: EXTRA
                          value: "yes"
                        ports:
                        - $patch: replace
                        - containerPort: 8080
                      volumes:
                      - name: data
                        $patch: delete
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - image: busybox:1.36
                        name: sidecar
                      - env:
                        - name: MODE
                          value: patched
                        - name: EXTRA
                          value: "yes"
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 8080
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes: []
                """);
    }

    /** Patches with target selectors (kind, name regex, label and annotation selectors), a JSON 6902 patch inline and from a file, the deprecated patchesStrategicMerge and patchesJson6902. */
    @Test
    void patchesWithTargets_jsonAndStrategicMerge() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - resources.yaml
                patches:
                - target:
                    kind: Deployment
                    name: web-.*
                  patch: |-
                    - op: add
                      path: /spec/template/spec/containers/0/args
                      value: ["--verbose"]
                - target:
                    labelSelector: tier=back
                  patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: any
                      annotations:
                        patched: "true"
                - target:
                    group: apps
                    version: v1
                    kind: Deployment
                    annotationSelector: canary
                  path: replicas.json
                patchesStrategicMerge:
                - |-
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata:
                    name: web-b
                  spec:
                    paused: true
                patchesJson6902:
                - target:
                    version: v1
                    kind: Service
                    name: svc
                  path: svc-ops.yaml
                """,
                "resources.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web-a
                  labels: {tier: front}
                  annotations: {canary: "yes"}
                spec:
                  template:
                    spec:
                      containers:
                      - name: a
                        image: a:1
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web-b
                  labels: {tier: back}
                spec:
                  template:
                    spec:
                      containers:
                      - name: b
                        image: b:1
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: svc
                spec:
                  ports:
                  - port: 80
                """,
                "replicas.json", """
                [{"op": "replace", "path": "/spec/replicas", "value": 4}]
                """,
                "svc-ops.yaml", """
                - op: add
                  path: /spec/ports/-
                  value:
                    port: 443
                - op: remove
                  path: /spec/ports/0
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: svc
                spec:
                  ports:
                  - port: 443
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  annotations:
                    canary: "yes"
                  labels:
                    tier: front
                  name: web-a
                spec:
                  replicas: 4
                  template:
                    spec:
                      containers:
                      - args:
                        - --verbose
                        image: a:1
                        name: a
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  annotations:
                    patched: "true"
                  labels:
                    tier: back
                  name: web-b
                spec:
                  paused: true
                  template:
                    spec:
                      containers:
                      - args:
                        - --verbose
                        image: b:1
                        name: b
                """);
    }

    /** configMapGenerator from literals, files and an env file, secretGenerator, generatorOptions; the content-hash suffix and the Deployment's reference follow. */
    @Test
    void generators_hashSuffixAndReferences() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml",
                """
                resources:
                - deployment.yaml
                configMapGenerator:
                - name: settings
                  literals:
                  - LEVEL=debug
                  - QUOTED="a b"
                  files:
                  - app.properties
                  - renamed.txt=notes.txt
                  envs:
                  - extra.env
                secretGenerator:
                - name: creds
                  literals:
                  - password=hunter2
                  type: Opaque
                generatorOptions:
                  labels:
                    generated: "true"
                  annotations:
                    note: kustomize
                """,
                "deployment.yaml",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "app.properties",
                """
                a=1
                b=2
                """,
                "notes.txt",
                """
                hello <world> & all
                """,
                "extra.env",
                """
                # comment
                FOO=bar

                BAZ=qux quux
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                data:
                  BAZ: qux quux
                  FOO: bar
                  LEVEL: debug
                  QUOTED: a b
                  app.properties: |
                    a=1
                    b=2
                  renamed.txt: |
                    hello <world> & all
                kind: ConfigMap
                metadata:
                  annotations:
                    note: kustomize
                  labels:
                    generated: "true"
                  name: settings-679g8mh79m
                ---
                apiVersion: v1
                data:
                  password: aHVudGVyMg==
                kind: Secret
                metadata:
                  annotations:
                    note: kustomize
                  labels:
                    generated: "true"
                  name: creds-cf85kd65mm
                type: Opaque
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings-679g8mh79m
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** A generator in an overlay merges into the base's generated ConfigMap (behavior: merge); disableNameSuffixHash. */
    @Test
    void generatorBehavior_mergeIntoTheBase() throws IOException {
        // given
        write(Map.of(
                "base/kustomization.yaml", """
                configMapGenerator:
                - name: settings
                  literals:
                  - A=1
                  - B=2
                - name: plain
                  literals:
                  - X=1
                  options:
                    disableNameSuffixHash: true
                """,
                "overlay/kustomization.yaml", """
                resources:
                - ../base
                namePrefix: o-
                configMapGenerator:
                - name: settings
                  behavior: merge
                  literals:
                  - B=3
                  - C=4
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("overlay"));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                data:
                  X: "1"
                kind: ConfigMap
                metadata:
                  name: o-plain
                ---
                apiVersion: v1
                data:
                  A: "1"
                  B: "3"
                  C: "4"
                kind: ConfigMap
                metadata:
                  name: o-settings-k45267997d
                """);
    }

    /** A component adds a resource and patches the including kustomization's objects. */
    @Test
    void components_addToTheKustomizationThatIncludesThem() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml",
                """
                resources:
                - deployment.yaml
                components:
                - comp
                """,
                "deployment.yaml",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "comp/kustomization.yaml",
                """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                resources:
                - sa.yaml
                patches:
                - patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: web
                    spec:
                      template:
                        spec:
                          priorityClassName: high
                """,
                "comp/sa.yaml",
                """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      priorityClassName: high
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** replacements: a value copied from a ConfigMap into a Deployment's env and, with a delimiter, into part of an image. */
    @Test
    void replacements_copyValuesBetweenObjects() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - deployment.yaml
                - cm.yaml
                replacements:
                - source:
                    kind: ConfigMap
                    name: versions
                    fieldPath: data.web
                  targets:
                  - select:
                      kind: Deployment
                    fieldPaths:
                    - spec.template.spec.containers.[name=web].env.[name=MODE].value
                    - spec.template.spec.containers.[name=web].image
                    options:
                      delimiter: ':'
                      index: 1
                """,
                "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        env:
                        - name: MODE
                          value: base
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: versions
                data:
                  web: "1.27"
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                data:
                  web: "1.27"
                kind: ConfigMap
                metadata:
                  name: versions
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - env:
                        - name: MODE
                          value: base:1.27
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: nginx:1.27
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** vars: $(SVC) in a container command and env value replaced by the Service's name after the prefix. */
    @Test
    void vars_substitutedInVarReferenceFields() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                namePrefix: p-
                resources:
                - deployment.yaml
                - service.yaml
                vars:
                - name: SVC
                  objref:
                    kind: Service
                    name: web
                    apiVersion: v1
                - name: PORT
                  objref:
                    kind: Service
                    name: web
                    apiVersion: v1
                  fieldref:
                    fieldpath: spec.ports[0].port
                """,
                "deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.25
                        ports:
                        - containerPort: 80
                        command: ["serve", "--upstream=$(SVC):$(PORT)"]
                        env:
                        - name: PORT
                          value: $(PORT)
                        envFrom:
                        - configMapRef:
                            name: settings
                        volumeMounts:
                        - name: data
                          mountPath: /data
                      volumes:
                      - name: data
                        emptyDir: {}
                """,
                "service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 80
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: p-web
                spec:
                  ports:
                  - port: 80
                    targetPort: 80
                  selector:
                    app: web
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app: web
                  name: p-web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - command:
                        - serve
                        - --upstream=p-web:80
                        env:
                        - name: PORT
                          value: 80
                        envFrom:
                        - configMapRef:
                            name: settings
                        image: nginx:1.25
                        name: web
                        ports:
                        - containerPort: 80
                        volumeMounts:
                        - mountPath: /data
                          name: data
                      serviceAccountName: web
                      volumes:
                      - emptyDir: {}
                        name: data
                """);
    }

    /** Scalars typed as Kustomize reads them: yes and on are strings, 0o17 and 017 are 15, 1:20 a string, a date a timestamp; folded text keeps an extra line break before a more-indented line. */
    @Test
    void kustomizeTyping_asGoYamlV3ReadsIt() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - cm.yaml
                """,
                "cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: typing
                  annotations:
                    number: 0x1F
                data:
                  yes: on
                  octal: 0o17
                  legacyOctal: 017
                  sexagesimal: 1:20
                  date: 2024-02-29
                  folded: >
                    one
                      more
                    two
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                data:
                  date: "2024-02-29T00:00:00Z"
                  folded: |
                    one

                      more
                    two
                  legacyOctal: 15
                  octal: 15
                  sexagesimal: "1:20"
                  "yes": "on"
                kind: ConfigMap
                metadata:
                  annotations:
                    number: "0x1F"
                  name: typing
                """);
    }

    /** transformers: a built-in LabelTransformer configuration from a file, run after the kustomization's own transformers. */
    @Test
    void builtinTransformerConfiguration_runAfterTheKustomizationsOwn() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                resources:
                - service.yaml
                nameSuffix: -x
                transformers:
                - labels.yaml
                """,
                "service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 80
                """,
                "labels.yaml", """
                apiVersion: builtin
                kind: LabelTransformer
                metadata:
                  name: labels
                labels:
                  added: by-transformer
                fieldSpecs:
                - path: metadata/labels
                  create: true
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  labels:
                    added: by-transformer
                  name: web-x
                spec:
                  ports:
                  - port: 80
                    targetPort: 80
                  selector:
                    app: web
                """);
    }

    /** sortOptions: {order: fifo} keeps the order resources were read in. */
    @Test
    void sortOptionsFifo_keepsTheBuildOrder() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                sortOptions:
                  order: fifo
                resources:
                - service.yaml
                - ns.yaml
                """,
                "service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 80
                """,
                "ns.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                  - port: 80
                    targetPort: 80
                  selector:
                    app: web
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                """);
    }

    /** configurations: a custom resource's field is a name reference to a ConfigMap and gets the namePrefix. */
    @Test
    void configurations_customFieldSpecsForACustomResource() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml", """
                namePrefix: x-
                resources:
                - cr.yaml
                - cm.yaml
                configurations:
                - config.yaml
                """,
                "cr.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec:
                  configRef: settings
                """,
                "cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                """,
                "config.yaml", """
                nameReference:
                - kind: ConfigMap
                  fieldSpecs:
                  - kind: Widget
                    path: spec/configRef
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem()).isNull();
        assertThat(build.yaml()).isEqualTo("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x-settings
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: x-w
                spec:
                  configRef: x-settings
                """);
    }

    @Test
    void helmCharts_unsupported_reportedAtTheField() throws IOException {
        // given
        write(Map.of("kustomization.yaml", """
                resources: []
                helmCharts:
                - name: ingress-nginx
                  version: 4.11.3
                """));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.objects()).isEmpty();
        assertThat(build.problem())
                .isEqualTo(new KustomizeProblem(
                        KustomizeProblem.Kind.UNSUPPORTED,
                        "kustomization.yaml",
                        2,
                        1,
                        "'helmCharts' is not supported by the embedded Kustomize renderer"));
    }

    @Test
    void remoteBase_unsupported_reportedAtTheEntry() throws IOException {
        // given
        write(Map.of("kustomization.yaml", "resources:\n- github.com/org/repo//deploy?ref=v1\n"));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem().kind()).isEqualTo(KustomizeProblem.Kind.UNSUPPORTED);
        assertThat(build.problem().line()).isEqualTo(2);
        assertThat(build.problem().message()).contains("github.com/org/repo//deploy?ref=v1");
    }

    @Test
    void resourceOutsideTheRoot_pathEscape_neverRead(@TempDir Path outside) throws IOException {
        // given
        Files.writeString(outside.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
        Path lintRoot = root.resolve("repo");
        String escape = lintRoot.relativize(outside.resolve("secret.yaml")).toString();
        Files.createDirectories(lintRoot);
        Files.writeString(lintRoot.resolve("kustomization.yaml"), "resources:\n- " + escape + "\n");

        // when
        KustomizeBuild build = KustomizeRenderer.of(lintRoot).render(Path.of("."));

        // then
        assertThat(build.problem())
                .isEqualTo(new KustomizeProblem(
                        KustomizeProblem.Kind.PATH_ESCAPE,
                        "kustomization.yaml",
                        2,
                        3,
                        "'" + escape + "' leads outside the lint root; it was not read"));
        assertThat(build.files()).doesNotContain(outside.resolve("secret.yaml"));
    }

    @Test
    void patchWithoutTarget_buildFails_atThePatch() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml",
                "resources:\n- service.yaml\npatches:\n- path: patch.yaml\n",
                "service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
                "patch.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: webb\nspec:\n  type: NodePort\n"));

        // when
        KustomizeBuild build = KustomizeRenderer.of(root).render(Path.of("."));

        // then
        assertThat(build.problem())
                .isEqualTo(new KustomizeProblem(
                        KustomizeProblem.Kind.FAILED,
                        "patch.yaml",
                        1,
                        1,
                        "no resource matches strategic merge patch \"Service.v1.[noGrp]/webb.[noNs]\": no matches for Id"
                                + " Service.v1.[noGrp]/webb.[noNs]; failed to find unique target for patch"
                                + " Service.v1.[noGrp]/webb.[noNs]"));
    }

    @Test
    void valueSetByAPatch_tracedToThePatchLine() throws IOException {
        // given
        write(Map.of(
                "kustomization.yaml",
                "resources:\n- service.yaml\npatches:\n- path: patch.yaml\n",
                "service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n",
                "patch.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n"));

        // when
        RenderedObject service =
                KustomizeRenderer.of(root).render(Path.of(".")).objects().get(0);

        // then
        var type = service.root().path("spec", "type").orElseThrow();
        var name = service.root().path("metadata", "name").orElseThrow();
        assertThat(service.fileOf(type) + ":" + type.position()).isEqualTo("patch.yaml:6:9");
        assertThat(service.fileOf(name) + ":" + name.position()).isEqualTo("service.yaml:4:9");
        assertThat(service.patchedBy()).containsExactly("patch.yaml");
    }

    @Test
    void overlayObjects_rememberTheirDocumentAndEveryFileThatChangedThem() throws IOException {
        // given: a two-document base file; the overlay retags the image, patches the Deployment with a JSON 6902
        // patch and scales it down
        write(Map.of(
                "base/kustomization.yaml",
                "resources:\n- app.yaml\n",
                "base/app.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n"
                        + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
                        + "  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.25\n",
                "overlays/prod/kustomization.yaml",
                "resources:\n- ../../base\nimages:\n- name: nginx\n  newTag: \"1.27\"\npatches:\n- path: json.yaml\n"
                        + "  target:\n    kind: Deployment\nreplicas:\n- name: web\n  count: 1\n",
                "overlays/prod/json.yaml",
                "- op: add\n  path: /spec/minReadySeconds\n  value: 10\n"));

        // when
        List<RenderedObject> objects =
                KustomizeRenderer.of(root).render(Path.of("overlays/prod")).objects();

        // then
        RenderedObject service = objects.get(0);
        RenderedObject deployment = objects.get(1);
        assertThat(service.file() + "#" + service.documentIndex()).isEqualTo("base/app.yaml#0");
        assertThat(service.patchedBy()).isEmpty();
        assertThat(deployment.file() + "#" + deployment.documentIndex()).isEqualTo("base/app.yaml#1");
        assertThat(deployment.patchedBy())
                .containsExactly("overlays/prod/json.yaml", "overlays/prod/kustomization.yaml");
        var containers = (dev.plimsoll.policies.yaml.SequenceNode)
                deployment.root().path("spec", "template", "spec", "containers").orElseThrow();
        var image = ((dev.plimsoll.policies.yaml.MappingNode) containers.items().get(0)).get("image");
        var replicas = deployment.root().path("spec", "replicas").orElseThrow();
        var minReady = deployment.root().path("spec", "minReadySeconds").orElseThrow();
        var name = deployment.root().path("metadata", "name").orElseThrow();
        assertThat(deployment.fileOf(image) + ":" + image.position())
                .isEqualTo("overlays/prod/kustomization.yaml:5:11");
        assertThat(deployment.fileOf(replicas) + ":" + replicas.position())
                .isEqualTo("overlays/prod/kustomization.yaml:12:10");
        assertThat(deployment.fileOf(minReady) + ":" + minReady.position()).isEqualTo("overlays/prod/json.yaml:3:10");
        assertThat(deployment.fileOf(name) + ":" + name.position()).isEqualTo("base/app.yaml:9:9");
    }

    private void write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }
}
