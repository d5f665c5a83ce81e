package dev.plimsoll.examples.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.Rendering;
import dev.plimsoll.generator.testing.CommittedPlatformTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference platform at the repository root: the committed {@code base/} and {@code overlays/} are exactly what the
 * Java generates (regenerate with {@code -Dplimsoll.reference.update=true}), its lint has no errors, and {@code kubectl
 * kustomize overlays/<env>} builds each environment's model byte for byte.
 */
class ReferencePlatformTest extends CommittedPlatformTest {

    /** The repository root, where the generated tree is committed (the module runs two levels below it). */
    private static final Path ROOT = Path.of("../..");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Generator generator = Generator.builder().build();
    private final Platform platform = new ReferencePlatform().define();

    ReferencePlatformTest() {
        super("reference-platform", new ReferencePlatform().define(), ROOT, "plimsoll.reference.update");
    }

    @Test
    void checkoutDatabase_everyEnvironment_dumpsIntoItsVolumeBeforeTheSixHourlyBackup() throws IOException {
        // given
        String dump = "mkdir -p /var/lib/postgresql/data/dumps && pg_dump --username=postgres --format=custom"
                + " --file=/var/lib/postgresql/data/dumps/checkout.dump.partial checkout"
                + " && mv /var/lib/postgresql/data/dumps/checkout.dump.partial"
                + " /var/lib/postgresql/data/dumps/checkout.dump";

        // when
        Rendering rendering = generator.render(platform);

        for (Environment environment : rendering.model().environments()) {
            List<JsonNode> objects = rendering.model().objects(environment);
            JsonNode database = find(objects, "StatefulSet", "checkout-db");
            JsonNode annotations = database.at("/spec/template/metadata/annotations");

            // then: exactly Velero's hook, its command a JSON array that runs pg_dump in the database's container
            assertThat(JSON.convertValue(annotations, Map.class))
                    .as(environment.name())
                    .isEqualTo(Map.of(
                            "pre.hook.backup.velero.io/container", "checkout-db",
                            "pre.hook.backup.velero.io/command", "[\"/bin/sh\", \"-c\", \"" + dump + "\"]",
                            "pre.hook.backup.velero.io/timeout", "10m"));
            assertThat(JSON.readValue(
                            annotations.get("pre.hook.backup.velero.io/command").asText(), List.class))
                    .containsExactly("/bin/sh", "-c", dump);
            assertThat(database.at("/spec/template/spec/containers/0/name").asText())
                    .isEqualTo("checkout-db");
            // the dump lands on the claimed volume, in a namespace the 6-hourly schedule backs up
            assertThat(database.at("/spec/template/spec/containers/0/volumeMounts/1")
                            .toString())
                    .isEqualTo("{\"mountPath\":\"/var/lib/postgresql/data\",\"name\":\"data\"}");
            assertThat(database.at("/spec/volumeClaimTemplates/0/metadata/name").asText())
                    .isEqualTo("data");
            assertThat(database.at("/metadata/namespace").asText()).isEqualTo("shop");
            assertThat(find(objects, "Schedule", "critical-6h")
                            .at("/spec/template/includedNamespaces")
                            .toString())
                    .contains("\"shop\"");
        }
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind)
                        && o.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
