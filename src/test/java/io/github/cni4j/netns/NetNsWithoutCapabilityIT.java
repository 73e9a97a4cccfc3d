package io.github.cni4j.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Root without CAP_SYS_ADMIN (dropped from the bounding set by setpriv) gets an error naming the capability. */
@Tag("integration")
class NetNsWithoutCapabilityIT {

    private final NetNsItSupport support = new NetNsItSupport();

    @BeforeEach
    void prerequisites() {
        Prerequisites.requireRootAndPlugins();
        Prerequisites.requireCommand("setpriv", "util-linux");
    }

    @AfterEach
    void cleanup() {
        support.cleanup();
    }

    @Test
    void createWithoutSysAdminNamesTheMissingCapability() {
        String name = support.track(TestNames.netns());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = Prerequisites.sh("setpriv", "--bounding-set=-sys_admin", java,
                "-cp", System.getProperty("java.class.path"), CreateProbeMain.class.getName(), name);
        assertThat(out).startsWith("FAILED mount EPERM ").contains("CAP_SYS_ADMIN");
        assertThat(Files.exists(NamedNetNs.RUN_DIR.resolve(name))).isFalse();
    }
}
