package io.github.cni4j.netns;

import static io.github.cni4j.netns.NetNsItSupport.ipNetnsList;
import static io.github.cni4j.netns.NetNsItSupport.linkNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.NetNsException;
import io.github.cni4j.testing.Prerequisites;
import io.github.cni4j.testing.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class NetNsLifecycleIT {

    private final NetNsItSupport support = new NetNsItSupport();

    @BeforeEach
    void prerequisites() {
        Prerequisites.requireRootAndPlugins();
    }

    @AfterEach
    void cleanup() {
        support.cleanup();
    }

    @Test
    void createdNamespaceIsSeenByIproute2AndGoneAfterDelete() {
        String name = support.track(TestNames.netns());
        try (NetNs ns = NetNs.create(name)) {
            assertThat(ns.name()).contains(name);
            assertThat(ns.path()).isEqualTo(Path.of("/run/netns", name));
            assertThat(ipNetnsList()).contains(name);
            assertThat(NetNs.list()).contains(name);

            NetNsItSupport.ipAddLink(name, "c4jdum0");
            assertThat(linkNames(ns)).containsExactlyInAnyOrder("lo", "c4jdum0");
            assertThat(linkNames(NetNs.current())).doesNotContain("c4jdum0");

            ns.delete();
        }
        assertThat(ipNetnsList()).doesNotContain(name);
        assertThat(NetNs.list()).doesNotContain(name);
        assertThat(Files.exists(Path.of("/run/netns", name))).isFalse();
    }

    @Test
    void namespaceMadeByIproute2CanBeOpenedAndDeleted() {
        String name = support.track(TestNames.netns());
        Prerequisites.sh("ip", "netns", "add", name);
        try (NetNs ns = NetNs.open(Path.of("/var/run/netns", name))) {
            assertThat(ns.name()).contains(name);
            assertThat(ns.interfaces()).extracting(NetNs.Interface::name).containsExactly("lo");
        }
        NetNs.delete(name);
        assertThat(ipNetnsList()).doesNotContain(name);
    }

    @Test
    void isNetNsTellsNamespacesFromOtherFiles(@TempDir Path dir) throws Exception {
        String name = support.track(TestNames.netns());
        Path regular = Files.writeString(dir.resolve("plain"), "x");
        try (NetNs ns = NetNs.create(name)) {
            assertThat(NetNs.isNetNs(Path.of("/proc/self/ns/net"))).isTrue();
            assertThat(NetNs.isNetNs(ns.path())).isTrue();
            assertThat(NetNs.isNetNs(regular)).isFalse();
            assertThat(NetNs.isNetNs(dir.resolve("missing"))).isFalse();
            assertThat(NetNs.isNetNs(Path.of("/proc/self/ns/mnt"))).isFalse();
            ns.delete();
        }
    }

    @Test
    void openingSomethingElseFailsClearly(@TempDir Path dir) throws Exception {
        Path regular = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> NetNs.open(regular)).isInstanceOf(NetNsException.class)
                .hasMessageStartingWith("unknown FS magic on \"" + regular + "\": ");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> NetNs.open(missing)).isInstanceOf(NetNsException.class)
                .hasMessage("failed to Statfs \"" + missing + "\": no such file or directory")
                .satisfies(e -> assertThat(((NetNsException) e).errnoName()).isEqualTo("ENOENT"));
        assertThatThrownBy(() -> NetNs.open(Path.of("/proc/self/ns/mnt"))).isInstanceOf(NetNsException.class)
                .hasMessageContaining("is not a network namespace");
    }

    @Test
    void deletingMissingNamespaceFailsClearly() {
        String name = TestNames.netns();
        assertThatThrownBy(() -> NetNs.delete(name)).isInstanceOf(NetNsException.class)
                .hasMessageContaining("network namespace \"" + name + "\" does not exist")
                .satisfies(e -> assertThat(((NetNsException) e).errnoName()).isEqualTo("ENOENT"));
    }

    @Test
    void deletingTwiceFailsTheSecondTime() {
        String name = support.track(TestNames.netns());
        NetNs.create(name).close();
        NetNs.delete(name);
        assertThatThrownBy(() -> NetNs.delete(name)).isInstanceOf(NetNsException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void creatingExistingNameFailsAndKeepsTheExistingOne() {
        String name = support.track(TestNames.netns());
        try (NetNs first = NetNs.create(name)) {
            NetNsItSupport.ipAddLink(name, "c4jdum0");
            assertThatThrownBy(() -> NetNs.create(name)).isInstanceOf(NetNsException.class)
                    .hasMessageContaining("network namespace \"" + name + "\" already exists")
                    .satisfies(e -> assertThat(((NetNsException) e).errnoName()).isEqualTo("EEXIST"));
            assertThat(linkNames(first)).contains("c4jdum0");
            first.delete();
        }
    }

    @Test
    void closeReleasesOnlyTheHandle() {
        String name = support.track(TestNames.netns());
        NetNs ns = NetNs.create(name);
        ns.close();
        ns.close();
        assertThat(ipNetnsList()).contains(name);
        assertThatThrownBy(() -> ns.run(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        NetNs.delete(name);
    }

    @Test
    void currentNamespaceIsTheCallingThreadsOne() {
        try (NetNs ns = NetNs.current()) {
            assertThat(ns.name()).isEmpty();
            assertThat(ns.path().toString()).matches("/proc/\\d+/task/\\d+/ns/net");
            assertThat(NetNs.isNetNs(ns.path())).isTrue();
            assertThatThrownBy(ns::delete).isInstanceOf(IllegalStateException.class);
            assertThat(ns.interfaces()).extracting(NetNs.Interface::name).contains("lo");
        }
    }
}
