package io.github.cni4j.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.cache.CachedAttachment;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeConfTest {

    @Test
    void everyBuilderPathFreezesCapabilityValuesAndCopiesPairs() {
        List<Object> ports = new ArrayList<>(List.of(80));
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("portMappings", ports);
        Map.Entry<String, String> pair = new AbstractMap.SimpleEntry<>("K", "V");
        RuntimeConf rt = RuntimeConf.builder().capabilityArgs(caps).args(List.of(pair)).build();
        ports.add(81);
        pair.setValue("changed");
        assertThat(rt.capabilityArgs()).isEqualTo(Map.of("portMappings", List.of(80)));
        assertThat(rt.args()).containsExactly(Map.entry("K", "V"));
        assertThatThrownBy(() -> ((List<?>) rt.capabilityArgs().get("portMappings")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(rt.toBuilder().build()).isEqualTo(rt).hasSameHashCodeAs(rt);
        assertThat(rt.toString()).doesNotContain("cacheDir");
    }

    @Test
    void capabilityValuesJsonCannotHoldAreRefusedAtBuild() {
        assertThatThrownBy(() -> RuntimeConf.builder().capabilityArgs(Map.of("bw", Double.NaN)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capabilityArgs.bw");
        assertThatThrownBy(() -> CachedAttachment.builder().capabilityArgs(Map.of("x", new Object())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capabilityArgs.x");
    }

    @Test
    void cachedAttachmentCopiesConfigBytes() {
        byte[] cfg = {1, 2};
        CachedAttachment a = CachedAttachment.builder().config(cfg).build();
        cfg[0] = 9;
        a.config()[1] = 9;
        assertThat(a.config()).containsExactly(1, 2);
        assertThat(a).isEqualTo(CachedAttachment.builder().config(new byte[] {1, 2}).build());
        assertThat(a.result()).isEmpty();
    }
}
