package dev.plimsoll.generator.internal.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void dnsLabel_partsJoinedAndCleaned() {
        assertThat(Names.dnsLabel("Checkout", "TLS")).isEqualTo("checkout-tls");
        assertThat(Names.dnsLabel("a_b", "--c.d--")).isEqualTo("a-b-c-d");
    }

    @Test
    void dnsLabel_tooLong_keepsStartAndHashesTheRest() {
        // given
        String long1 = "a".repeat(70);
        String long2 = "a".repeat(69) + "b";

        // when
        String name1 = Names.dnsLabel(long1, "tls");
        String name2 = Names.dnsLabel(long2, "tls");

        // then
        assertThat(name1).hasSize(63).startsWith("aaaa").matches("[a-z0-9-]+");
        assertThat(Names.isDnsLabel(name1)).isTrue();
        assertThat(name1).isNotEqualTo(name2).isEqualTo(Names.dnsLabel(long1, "tls"));
    }

    @Test
    void isPortName_ianaServiceNames() {
        assertThat(Names.isPortName("http")).isTrue();
        assertThat(Names.isPortName("metrics-2")).isTrue();
        assertThat(Names.isPortName("8080")).isFalse();
        assertThat(Names.isPortName("a-very-long-port-name")).isFalse();
        assertThat(Names.isPortName("a--b")).isFalse();
    }
}
