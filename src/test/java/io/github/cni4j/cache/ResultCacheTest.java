package io.github.cni4j.cache;

import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.result.IpConfig;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

    @TempDir
    Path tmp;

    static CachedAttachment entry(String id) {
        return CachedAttachment.builder().containerId(id).networkName("n").ifName("eth0")
                .config("{}".getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void emptyFieldsAreOmittedAsLibcniDoes() throws Exception {
        ResultCache cache = ResultCache.of(tmp);
        cache.put(entry("c"));
        assertThat(Files.readString(tmp.resolve("results/n-c-eth0"))).isEqualTo(
                "{\"kind\":\"cniCacheV1\",\"containerId\":\"c\",\"config\":\"e30=\",\"ifName\":\"eth0\","
                        + "\"networkName\":\"n\"}");
        assertThat(cache.get("n", "c", "eth0")).contains(entry("c"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("results"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("results/n-c-eth0"))))
                .isEqualTo("rw-------");
    }

    @Test
    void roundTripsEveryField() {
        ResultCache cache = ResultCache.of(tmp);
        CachedAttachment a = CachedAttachment.builder().containerId("c").networkName("n").ifName("eth1")
                .config(new byte[] {1, 2}).netNs("/var/run/netns/x")
                .cniArgs(List.of(Map.entry("K", "V"), Map.entry("A", "b=c")))
                .capabilityArgs(Map.of("portMappings", List.of(Map.of("hostPort", 80L)), "mac", "x"))
                .result(Result.fromBytes("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.2/24\"}]}"
                        .getBytes(StandardCharsets.UTF_8))).build();
        cache.put(a);
        assertThat(cache.get("n", "c", "eth1")).contains(a);
    }

    @Test
    void aResultBeforeOneZeroIsCachedWithEveryKeySortedAsAfterLibcnisMapRoundTrip() throws Exception {
        Result r = Result.builder().cniVersion(CniVersion.V0_4_0)
                .addIp(IpConfig.builder().address("10.0.0.2/24").version("4").build()).build();
        ResultCache cache = ResultCache.of(tmp);
        cache.put(CachedAttachment.builder().from(entry("c")).result(r).build());
        assertThat(Files.readString(tmp.resolve("results/n-c-eth0"))).endsWith(",\"result\":{\"cniVersion\":\"0.4.0\","
                + "\"dns\":{},\"ips\":[{\"address\":\"10.0.0.2/24\",\"version\":\"4\"}]}}");
        assertThat(cache.get("n", "c", "eth0").flatMap(CachedAttachment::result)).contains(r);
    }

    @Test
    void aResultInAnotherKeyOrderOrSpacingReadsAsLibcniReadsIt() throws Exception {
        ResultCache cache = ResultCache.of(tmp);
        Files.createDirectories(tmp.resolve("results"));
        Files.writeString(tmp.resolve("results/n-c-eth0"), "{\"kind\":\"cniCacheV1\",\"containerId\":\"c\","
                + "\"config\":\"e30=\",\"ifName\":\"eth0\",\"networkName\":\"n\",\"result\": {\"ips\":"
                + "[{\"address\":\"10.0.0.2/24\",\"interface\":1.0}], \"dns\":{}, \"cniVersion\":\"1.0.0\"}}");
        assertThat(cache.get("n", "c", "eth0").flatMap(CachedAttachment::result)).contains(Result.builder()
                .cniVersion(CniVersion.V1_0_0).addIp(IpConfig.builder().address("10.0.0.2/24").interfaceIndex(1).build())
                .build());
    }

    @Test
    void aResultThatIsNoCniResultIsLeftOutButTheEntryStays() throws Exception {
        ResultCache cache = ResultCache.of(tmp);
        Files.createDirectories(tmp.resolve("results"));
        Files.writeString(tmp.resolve("results/n-c-eth0"), "{\"kind\":\"cniCacheV1\",\"containerId\":\"c\","
                + "\"config\":\"e30=\",\"ifName\":\"eth0\",\"networkName\":\"n\",\"result\":{\"cniVersion\":\"9.9.9\"}}");
        assertThat(cache.get("n", "c", "eth0")).contains(entry("c"));
        assertThat(cache.attachments()).containsExactly(entry("c"));
    }

    @Test
    void emptyPartsAreRefusedWithLibcniMessage() {
        assertThatThrownBy(() -> ResultCache.of(tmp).file("n", "", "eth0")).is(FailureKinds.CACHE)
                .hasMessage("cache file path requires network name (\"n\"), container ID (\"\"), and interface name "
                        + "(\"eth0\")");
    }

    @Test
    void attachmentsSkipBadEntriesAndFilterByContainer() throws Exception {
        ResultCache cache = ResultCache.of(tmp);
        cache.put(entry("c1"));
        cache.put(entry("c10"));
        Files.writeString(tmp.resolve("results/n-c1-eth9"), "");
        Files.writeString(tmp.resolve("results/m-c1-eth0"), "garbage");
        Files.writeString(tmp.resolve("results/o-c1-eth0"), "{\"kind\":\"other\"}");
        assertThat(cache.attachments()).extracting(CachedAttachment::containerId).containsExactly("c1", "c10");
        assertThat(cache.attachments("c1")).extracting(CachedAttachment::containerId).containsExactly("c1");
        assertThat(ResultCache.of(tmp.resolve("missing")).attachments()).isEmpty();
        assertThatThrownBy(() -> cache.get("n", "c1", "eth9")).is(FailureKinds.CACHE)
                .hasMessageEndingWith("is empty");
    }

    @Test
    void everySyncLevelWritesAWholeEntryAndLeavesNoTempFile() {
        assertThat(ResultCache.of(tmp).sync()).isEqualTo(ResultCache.Sync.FILE_AND_DIRECTORY);
        for (ResultCache.Sync sync : ResultCache.Sync.values()) {
            ResultCache cache = ResultCache.of(tmp.resolve(sync.name())).withSync(sync);
            assertThat(cache.sync()).isEqualTo(sync);
            cache.put(entry("c"));
            cache.put(entry("c"));
            assertThat(cache.get("n", "c", "eth0")).contains(entry("c"));
            assertThat(tmp.resolve(sync.name() + "/results")).isDirectoryNotContaining("glob:**.tmp");
        }
    }

    @Test
    void symlinkedResultsDirIsNeverWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.createSymbolicLink(root.resolve("results"), elsewhere);
        assertThatThrownBy(() -> ResultCache.of(root).put(entry("c"))).is(FailureKinds.CACHE)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void symlinkAtTheEntryIsReplacedNotFollowed() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Files.createDirectories(tmp.resolve("cache/results"));
        Files.createSymbolicLink(tmp.resolve("cache/results/n-c-eth0"), victim);
        ResultCache.of(tmp.resolve("cache")).put(entry("c"));
        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThat(Files.isSymbolicLink(tmp.resolve("cache/results/n-c-eth0"))).isFalse();
        assertThat(tmp.resolve("cache/results")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void removeIsIdempotent() {
        ResultCache cache = ResultCache.of(tmp);
        cache.put(entry("c"));
        assertThat(cache.remove("n", "c", "eth0")).isTrue();
        assertThat(cache.remove("n", "c", "eth0")).isFalse();
        assertThat(cache.get("n", "c", "eth0")).isEmpty();
    }
}
