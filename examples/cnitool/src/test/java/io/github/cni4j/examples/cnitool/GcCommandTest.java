package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import org.junit.jupiter.api.Test;

class GcCommandTest {

    @Test
    void validAttachmentForms() {
        assertThat(GcCommand.attachment("ctr1", "eth0")).isEqualTo(new GcAttachment("ctr1", "eth0"));
        assertThat(GcCommand.attachment("ctr1/net1", "eth0")).isEqualTo(new GcAttachment("ctr1", "net1"));
        assertThat(GcCommand.attachment("/var/run/netns/testing", "eth1"))
                .isEqualTo(new GcAttachment("cnitool-77383ca0a0715733ca6f", "eth1"));
    }

    @Test
    void emptyValidIsAUsageError() {
        assertThatThrownBy(() -> GcCommand.attachment("", "eth0")).isInstanceOf(UsageException.class);
    }
}
