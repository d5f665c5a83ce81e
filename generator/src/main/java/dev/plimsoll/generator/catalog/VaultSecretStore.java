package dev.plimsoll.generator.catalog;

import static dev.plimsoll.generator.catalog.Kube.map;

import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PerEnv;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code ClusterSecretStore} {@code vault} (Kubernetes auth, a KV v2 mount per environment) and the
 * {@code ExternalSecret}s of apps: Git carries where a secret lives, never its value.
 */
public final class VaultSecretStore implements CatalogComponent {

    public static final String STORE = "vault";

    /** Where the External Secrets Operator runs ({@link ExternalSecrets}' namespace). */
    static final String OPERATOR_NAMESPACE = "external-secrets";

    private record Reference(String namespace, String name, String path, List<String> keys) {}

    private final String server;
    private PerEnv<String> mount = PerEnv.by(Environment::name);
    private final List<Reference> references = new ArrayList<>();

    private VaultSecretStore(String server) {
        this.server = Objects.requireNonNull(server);
    }

    public static VaultSecretStore at(String server) {
        return new VaultSecretStore(server);
    }

    /** The KV v2 mount per environment (default: the environment's name). */
    public VaultSecretStore mount(PerEnv<String> value) {
        this.mount = Objects.requireNonNull(value);
        return this;
    }

    /** Secret {@code name} in {@code namespace}, from Vault path {@code path}, with these keys. */
    public VaultSecretStore externalSecret(String namespace, String name, String path, String... keys) {
        references.add(new Reference(namespace, name, path, List.of(keys)));
        return this;
    }

    @Override
    public String name() {
        return "vault-secret-store";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("external-secrets");
    }

    /** The External Secrets Operator, in its namespace, reaches Vault on the server's port. */
    @Override
    public Map<String, List<NetworkAllow>> networkAllows() {
        URI uri = URI.create(server);
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        return Map.of(OPERATOR_NAMESPACE, List.of(NetworkAllow.egressAnywhere(port)));
    }

    @Override
    public Set<ClusterKind> clusterKinds() {
        return Set.of(new ClusterKind("external-secrets.io", "ClusterSecretStore"));
    }

    @Override
    public void render(Environment environment, Output output) {
        output.add(Kube.object(
                "external-secrets.io/v1beta1",
                "ClusterSecretStore",
                null,
                STORE,
                map(
                        "spec",
                        map(
                                "provider",
                                map(
                                        "vault",
                                        map(
                                                "server",
                                                server,
                                                "path",
                                                mount.in(environment).orElseThrow(),
                                                "version",
                                                "v2",
                                                "auth",
                                                map(
                                                        "kubernetes",
                                                        map(
                                                                "mountPath",
                                                                "kubernetes-" + environment.name(),
                                                                "role",
                                                                "external-secrets",
                                                                "serviceAccountRef",
                                                                map(
                                                                        "name",
                                                                        "external-secrets",
                                                                        "namespace",
                                                                        "external-secrets")))))))));
        for (Reference reference : references) {
            output.add(externalSecret(reference));
        }
    }

    private static GenericKubernetesResource externalSecret(Reference reference) {
        List<Object> data = new ArrayList<>();
        for (String key : reference.keys()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("secretKey", key);
            item.put("remoteRef", map("key", reference.path(), "property", key));
            data.add(item);
        }
        return Kube.object(
                "external-secrets.io/v1beta1",
                "ExternalSecret",
                reference.namespace(),
                reference.name(),
                map(
                        "spec",
                        map(
                                "refreshInterval",
                                "1h",
                                "secretStoreRef",
                                map("kind", "ClusterSecretStore", "name", STORE),
                                "target",
                                map("name", reference.name(), "creationPolicy", "Owner"),
                                "data",
                                data)));
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        return references.stream()
                .filter(r -> r.keys().isEmpty())
                .map(r -> "ExternalSecret " + r.namespace() + "/" + r.name() + " names no keys")
                .toList();
    }
}
