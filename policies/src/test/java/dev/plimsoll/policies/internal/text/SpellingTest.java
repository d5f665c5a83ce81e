package dev.plimsoll.policies.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final List<String> IDS = List.of("image-digest", "pdb-drainable", "pdb-present", "psa-labels");

    @Test
    void closest_typo_findsTheIntendedName() {
        // given
        String typo = "imgae-digets";

        // when
        Optional<String> closest = Spelling.closest(typo, IDS);

        // then
        assertThat(closest).contains("image-digest");
    }

    @Test
    void closest_farFromEverything_findsNothing() {
        // given
        String name = "cost-center";

        // when
        Optional<String> closest = Spelling.closest(name, IDS);

        // then
        assertThat(closest).isEmpty();
    }

    @Test
    void distance_swapOfNeighbours_costsOne() {
        // given
        String swapped = "pbd-present";

        // when
        int distance = Spelling.distance(swapped, "pdb-present");

        // then
        assertThat(distance).isEqualTo(1);
    }
}
