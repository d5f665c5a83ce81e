package dev.plimsoll.generator;

import static dev.plimsoll.generator.Scenarios.DEV;
import static dev.plimsoll.generator.Scenarios.PROD;
import static dev.plimsoll.generator.Scenarios.STAGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerEnvTest {

    @Test
    void of_namedEnvironments_valueThereAbsentElsewhere() {
        // given
        PerEnv<Integer> replicas = PerEnv.of(DEV, 1).and(PROD, 3);

        // then
        assertThat(replicas.in(DEV)).contains(1);
        assertThat(replicas.in(PROD)).contains(3);
        assertThat(replicas.in(STAGING)).isEmpty();
        assertThat(replicas.namedEnvironments()).containsExactly("dev", "prod");
    }

    @Test
    void of_environmentMatchedByName_notByOtherValues() {
        // given
        PerEnv<String> host = PerEnv.of(Environment.of("prod", 9, Environment.Tier.DEV), "x");

        // then
        assertThat(host.in(PROD)).contains("x");
    }

    @Test
    void all_sameValueEverywhere() {
        assertThat(PerEnv.all("info").in(STAGING)).contains("info");
        assertThat(PerEnv.all("info").namedEnvironments()).isEmpty();
    }

    @Test
    void by_nullResult_absent() {
        // given
        PerEnv<String> host = PerEnv.by(env -> env.equals(PROD) ? null : "shop." + env.domain());

        // then
        assertThat(host.in(DEV)).contains("shop.dev.acme.test");
        assertThat(host.in(PROD)).isEmpty();
    }

    @Test
    void and_sameEnvironmentTwice_rejected() {
        assertThatThrownBy(() -> PerEnv.of(DEV, 1).and(DEV, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dev' is given twice");
    }

    @Test
    void and_afterAll_rejected() {
        assertThatThrownBy(() -> PerEnv.all(1).and(DEV, 2)).isInstanceOf(IllegalStateException.class);
    }
}
