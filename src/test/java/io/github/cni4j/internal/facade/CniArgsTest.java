package io.github.cni4j.internal.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;

class CniArgsTest {

    @Test
    void emptyArgsRenderNothing() {
        assertThat(new CniArgs().render()).isEmpty();
        assertThat(new CniArgs().toPairs()).isEmpty();
    }

    @Test
    void pairsKeepInsertionOrderBehindIgnoreUnknown() {
        CniArgs a = new CniArgs();
        a.put("K8S_POD_NAMESPACE", "default");
        a.put("K8S_POD_NAME", "web");
        a.put("IP", "10.0.0.5");
        a.put("K8S_POD_NAMESPACE", "prod");
        assertThat(a.render()).isEqualTo("IgnoreUnknown=1;K8S_POD_NAMESPACE=prod;K8S_POD_NAME=web;IP=10.0.0.5");
    }

    @Test
    void callersIgnoreUnknownIsNotDuplicated() {
        CniArgs a = new CniArgs();
        a.put("A", "x");
        a.put("IgnoreUnknown", "0");
        assertThat(a.render()).isEqualTo("A=x;IgnoreUnknown=0");
    }

    @Test
    void separatorsAndControlCharactersAreRefused() {
        CniArgs a = new CniArgs();
        for (String key : List.of("", "a;b", "a=b", "a\0b", "a\nb", "a\rb")) {
            assertThatThrownBy(() -> a.put(key, "v")).isInstanceOf(IllegalArgumentException.class);
        }
        for (String value : List.of("1;2", "a\0", "x\ny", "x\r")) {
            assertThatThrownBy(() -> a.put("K", value)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"K\"");
        }
        assertThat(a.toPairs()).isEmpty();
    }

    @Test
    void nextFreeInterfaceSkipsUsedNames() {
        assertThat(IfNames.nextFree("eth", List.of("lo", "eth0", "eth2"))).isEqualTo("eth1");
        assertThat(IfNames.nextFree("net", List.of())).isEqualTo("net0");
        assertThat(IfNames.checkPrefix("eth")).isNull();
        assertThat(IfNames.checkPrefix("averyverylongprefix")).isNotNull();
        assertThat(IfNames.checkPrefix("e:")).isNotNull();
    }

    @Test
    void ifNamesSortByNumber() {
        assertThat(DetachFlow.compareIfNames("eth2", "eth10")).isNegative();
        assertThat(DetachFlow.compareIfNames("eth10", "eth2")).isPositive();
        assertThat(DetachFlow.compareIfNames("eth1", "eth1")).isZero();
    }

    @Test
    void acceptedPairsSplitBackIntoTheSameKeyAndValue() {
        Seeded.forAll(300, Gen.strings(Gen.chars("aB=;\n\0_"), 0, 6),
                Gen.strings(Gen.chars("x=;\r1abc"), 0, 6), CniArgsTest::splitsBackIntoTheSameKeyAndValue);
    }

    private static void splitsBackIntoTheSameKeyAndValue(String key, String value) {
        CniArgs a = new CniArgs();
        try {
            a.put(key, value);
        } catch (IllegalArgumentException refused) {
            assertThat(key.isEmpty() || key.matches("(?s).*[=;\n\r\u0000].*") || value.matches("(?s).*[=;\r].*"))
                    .isTrue();
            return;
        }
        // Pairs split at ';', then at the only '='.
        List<String> pairs = new ArrayList<>();
        for (String p : a.render().split(";", -1)) {
            pairs.add(p);
        }
        assertThat(pairs).containsExactly("IgnoreUnknown=1", key + "=" + value);
        assertThat(pairs.get(1).substring(0, pairs.get(1).indexOf('='))).isEqualTo(key);
    }
}
