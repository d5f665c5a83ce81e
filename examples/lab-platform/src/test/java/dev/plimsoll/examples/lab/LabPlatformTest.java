package dev.plimsoll.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.examples.reference.ReferencePlatform;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.Generator;
import dev.plimsoll.generator.PlatformDefinition;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.catalog.NodePools;
import dev.plimsoll.generator.testing.CommittedPlatformTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lab platform in this module's directory: the committed {@code base/} and {@code overlays/} are exactly what the
 * Java generates (regenerate with {@code -Dplimsoll.lab.update=true}), its lint has no errors, {@code kubectl kustomize
 * overlays/<env>} builds each environment's model byte for byte, and it differs from the reference platform only where
 * the seeds say a lab does: where pods are placed.
 */
class LabPlatformTest extends CommittedPlatformTest {

    private static final Set<String> PLACEMENT = Set.of("nodeSelector", "tolerations");

    private final Generator generator = Generator.builder().build();
    private final PlatformModel lab = model(new LabPlatform());
    private final PlatformModel reference = model(new ReferencePlatform());

    LabPlatformTest() {
        // The module's directory is the lab's manifests repository: base/ and overlays/ beside this pom.
        super("lab-platform", new LabPlatform().define(), Path.of(""), "plimsoll.lab.update");
    }

    @Test
    void model_labAgainstReference_differsOnlyInNodeSelectorsAndTolerations() {
        // then
        assertThat(lab.environments()).isEqualTo(reference.environments());
        for (Environment environment : lab.environments()) {
            assertThat(lab.objects(environment))
                    .as("the lab in %s, as it is", environment.name())
                    .isNotEqualTo(reference.objects(environment));
            assertThat(withoutPlacement(lab.objects(environment)))
                    .as("the lab in %s, node selectors and tolerations aside", environment.name())
                    .isEqualTo(withoutPlacement(reference.objects(environment)));
        }
    }

    @Test
    void model_lab_selectsNoPoolAndEveryPinnedComponentToleratesTheControlPlane() {
        // given
        JsonNode controlPlane = new ObjectMapper().valueToTree(NodePools.lab().tolerations(NodePools.Pool.SYSTEM));
        JsonNode everyNodeInTheReference =
                new ObjectMapper().valueToTree(NodePools.production().everyNode());

        for (Environment environment : lab.environments()) {
            // when
            List<JsonNode> tolerations = values(lab.objects(environment), "tolerations");

            // then
            assertThat(values(lab.objects(environment), "nodeSelector"))
                    .as("node selectors in the lab's %s", environment.name())
                    .isEmpty();
            // one where the reference selects a pool, and one for each pod that runs on every node (Velero's node
            // agent, Alloy), which tolerates every pool's taint there and selects no pool
            long everyNode = values(reference.objects(environment), "tolerations").stream()
                    .filter(everyNodeInTheReference::equals)
                    .count();
            assertThat(everyNode).isEqualTo(2);
            assertThat(tolerations)
                    .as("tolerations in the lab's %s, one where the reference selects a pool", environment.name())
                    .isNotEmpty()
                    .hasSize(values(reference.objects(environment), "nodeSelector")
                                    .size()
                            + (int) everyNode)
                    .allSatisfy(toleration -> assertThat(toleration).isEqualTo(controlPlane));
        }
    }

    private PlatformModel model(PlatformDefinition definition) {
        return generator.render(definition.define()).model();
    }

    private static List<JsonNode> withoutPlacement(List<JsonNode> objects) {
        List<JsonNode> stripped = new ArrayList<>();
        for (JsonNode object : objects) {
            JsonNode copy = object.deepCopy();
            strip(copy);
            stripped.add(copy);
        }
        return stripped;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PLACEMENT);
        }
        node.forEach(LabPlatformTest::strip);
    }

    /** Every value of a field named {@code field}, at any depth. */
    private static List<JsonNode> values(List<JsonNode> objects, String field) {
        List<JsonNode> values = new ArrayList<>();
        objects.forEach(object -> values.addAll(object.findValues(field)));
        return values;
    }
}
