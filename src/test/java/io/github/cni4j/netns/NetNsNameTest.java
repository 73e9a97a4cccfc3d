package io.github.cni4j.netns;

import io.github.cni4j.result.IpPrefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.internal.jna.Errno;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;

/** Checks that need neither root nor a namespace. */
class NetNsNameTest {

    @Test
    void invalidNamesAreRejectedBeforeTouchingDisk() {
        for (String bad : new String[] {"", ".", "..", "a/b", "/abs", "x\0y", "n".repeat(256)}) {
            assertThatThrownBy(() -> NetNs.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid network namespace name");
            assertThatThrownBy(() -> NetNs.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> NetNs.create(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void namesWithoutSlashOrNulAreAccepted() {
        Seeded.forAll(200, Gen.strings(Gen.anyChar(), 1, 60), NetNsNameTest::acceptedUnlessSlashOrNul);
    }

    private static void acceptedUnlessSlashOrNul(String name) {
        boolean valid = name.indexOf('/') < 0 && name.indexOf('\0') < 0 && !name.equals(".") && !name.equals("..");
        if (valid) {
            assertThatCode(() -> NamedNetNs.validateName(name)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> NamedNetNs.validateName(name)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void namesAreTakenFromTheRunDirectoryOnly() {
        assertThat(NamedNetNs.nameOf(Path.of("/run/netns/blue"))).isEqualTo("blue");
        assertThat(NamedNetNs.nameOf(Path.of("/var/run/netns/blue"))).isEqualTo("blue");
        assertThat(NamedNetNs.nameOf(Path.of("/proc/1/ns/net"))).isNull();
    }

    @Test
    void interfaceAddressesPrintCidrAndCheckThePrefix() throws Exception {
        assertThat(IpPrefix.of(InetAddress.getByName("10.250.0.1"), 30)).hasToString("10.250.0.1/30");
        assertThatThrownBy(() -> IpPrefix.of(InetAddress.getByName("10.0.0.1"), 33))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IpPrefix.of(InetAddress.getByName("fd00::1"), 128).prefixLength()).isEqualTo(128);
        assertThatThrownBy(() -> IpPrefix.of(null, 8)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void errnoNamesAndDescriptions() {
        assertThat(Errno.name(1)).isEqualTo("EPERM");
        assertThat(Errno.name(2)).isEqualTo("ENOENT");
        assertThat(Errno.name(16)).isEqualTo("EBUSY");
        assertThat(Errno.name(17)).isEqualTo("EEXIST");
        assertThat(Errno.name(22)).isEqualTo("EINVAL");
        assertThat(Errno.name(4242)).isEqualTo("E4242");
        assertThat(Errno.describe(2)).isEqualTo("no such file or directory");
    }

    @Test
    void platformThreadsAreNotVirtual() {
        assertThat(NsSwitch.isVirtual(Thread.currentThread())).isFalse();
    }
}
