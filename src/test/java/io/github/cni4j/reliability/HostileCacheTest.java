package io.github.cni4j.reliability;

import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.cache.ResultCache;
import io.github.cni4j.result.Result;
import io.github.cni4j.version.CniVersion;
import io.github.cni4j.testing.TempDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

/**
 * The cache directory's contents are not trusted: traversal in names, symlinked or special entries, corrupt and
 * oversized files end in a cache failure (a {@code CniException}, code 5) or are skipped, are never followed for writes, and entries are
 * written 0600 in 0700 directories.
 */
class HostileCacheTest {

    private static final AtomicLong TRIED = new AtomicLong();

    @AfterAll
    static void recordFigures() {
        Figures.of("bad-input", "cache-entries")
                .scenario("cache entries and names: ../ and NUL in names, over-long names, entries that are "
                        + "symlinks (to a file, to /dev/zero, dangling), FIFOs, directories, a symlinked results dir, "
                        + "empty/truncated/garbage/17 MiB files, random bytes (seeded generators)")
                .count(TRIED.get(), "cache operations")
                .lost(0, "each a value, an empty result or a cache failure; no write through a symlink, no file "
                        + "outside <cacheDir>/results touched; entries 0600 in 0700 dirs")
                .write();
    }

    private static Path tempDir() {
        try {
            return TempDirs.create("c4j-cache");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static CachedAttachment entry(String network, String containerId, String ifName) {
        return CachedAttachment.builder().containerId(containerId).networkName(network).ifName(ifName)
                .config("{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"plugins\":[{\"type\":\"bridge\"}]}"
                        .getBytes(StandardCharsets.UTF_8))
                .netNs("/var/run/netns/x").result(Result.builder().cniVersion(CniVersion.V1_0_0).build()).build();
    }

    @Test
    void namesThatLeaveTheResultsDirAreRefused() throws IOException {
        Path root = tempDir();
        Path cacheDir = Files.createDirectories(root.resolve("cache"));
        ResultCache cache = ResultCache.of(cacheDir);
        Path victim = Files.writeString(root.resolve("victim-c-eth0"), "precious");
        for (String[] parts : List.of(new String[] {"../../victim", "c", "eth0"}, new String[] {"n", "x/../../..", "e"},
                new String[] {"n", "c", "a/b"}, new String[] {"n\u0000", "c", "e"}, new String[] {"n", "c", "e\u0000"},
                new String[] {"n", "c".repeat(300), "eth0"})) {
            TRIED.addAndGet(4);
            assertThatThrownBy(() -> cache.put(entry(parts[0], parts[1], parts[2])))
                    .is(FailureKinds.CACHE);
            assertNoneOrCacheException(catchThrowable(() -> cache.get(parts[0], parts[1], parts[2])));
            assertNoneOrCacheException(catchThrowable(() -> cache.remove(parts[0], parts[1], parts[2])));
        }
        assertThat(Files.readString(victim)).isEqualTo("precious");
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).toList()).containsExactly(victim);
        }
    }

    @Test
    void aSymlinkedEntryIsNeverFollowedForWrites() throws IOException {
        Path root = tempDir();
        ResultCache cache = ResultCache.of(root.resolve("cache"));
        cache.put(entry("n", "c", "eth0"));
        Path outside = Files.writeString(root.resolve("outside"), "precious");
        Path file = cache.file("n", "c", "eth0");
        Files.delete(file);
        Files.createSymbolicLink(file, outside);
        TRIED.addAndGet(3);
        assertNoneOrCacheException(catchThrowable(() -> cache.get("n", "c", "eth0")));
        cache.put(entry("n", "c", "eth0"));
        assertThat(Files.isSymbolicLink(file)).as("the link was replaced, not written through").isFalse();
        assertThat(Files.readString(outside)).isEqualTo("precious");
        Files.delete(file);
        Files.createSymbolicLink(file, outside);
        assertThat(cache.remove("n", "c", "eth0")).isTrue();
        assertThat(Files.readString(outside)).isEqualTo("precious");
    }

    @Test
    void aSymlinkedResultsDirIsRefused() throws IOException {
        Path root = tempDir();
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path cacheDir = Files.createDirectories(root.resolve("cache"));
        Files.createSymbolicLink(cacheDir.resolve("results"), elsewhere);
        TRIED.incrementAndGet();
        assertThatThrownBy(() -> ResultCache.of(cacheDir).put(entry("n", "c", "eth0")))
                .is(FailureKinds.CACHE).hasMessageContaining("symbolic link");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void specialEntriesNeitherHangNorExhaustMemory() throws IOException, InterruptedException {
        Path root = tempDir();
        ResultCache cache = ResultCache.of(root.resolve("cache"));
        cache.put(entry("n", "good", "eth0"));
        Path results = root.resolve("cache/results");
        Files.createSymbolicLink(results.resolve("n-zero-eth0"), Path.of("/dev/zero"));
        Files.createSymbolicLink(results.resolve("n-dangling-eth0"), root.resolve("nowhere"));
        Files.createDirectory(results.resolve("n-dir-eth0"));
        assertThat(new ProcessBuilder("mkfifo", results.resolve("n-fifo-eth0").toString()).start().waitFor()).isZero();
        Files.write(results.resolve("n-big-eth0"), new byte[17 << 20]);
        Files.write(results.resolve("n-empty-eth0"), new byte[0]);
        Files.writeString(results.resolve("n-trunc-eth0"), "{\"kind\":\"cniCacheV1\",\"containerId\":\"tr");
        Files.write(results.resolve("n-garbage-eth0"), new byte[] {(byte) 0xff, 0, 1, 2});
        for (String id : List.of("zero", "dangling", "dir", "fifo", "big", "empty", "trunc", "garbage")) {
            TRIED.incrementAndGet();
            Throwable t = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowable(() -> cache.get("n", id, "eth0")), id);
            assertNoneOrCacheException(t);
        }
        TRIED.incrementAndGet();
        List<CachedAttachment> all = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> cache.attachments());
        assertThat(all).extracting(CachedAttachment::containerId).containsExactly("good");
    }

    @Test
    void aTempFileLeftByAKilledWriterIsNoEntryAndGoesWithTheEntry() throws IOException {
        Path root = tempDir();
        ResultCache cache = ResultCache.of(root.resolve("cache"));
        cache.put(entry("n", "c", "eth0"));
        cache.put(entry("n", "other", "eth0"));
        Path results = root.resolve("cache/results");
        // What a SIGKILL between write and rename leaves: a complete entry under the temp name.
        Files.copy(results.resolve("n-c-eth0"), results.resolve(".n-c-eth0.123456789.tmp"));
        Files.copy(results.resolve("n-other-eth0"), results.resolve(".n-other-eth0.987.tmp"));
        TRIED.addAndGet(2);
        assertThat(cache.attachments()).extracting(CachedAttachment::containerId).containsExactly("c", "other");
        assertThat(cache.remove("n", "c", "eth0")).isTrue();
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("n-other-eth0", ".n-other-eth0.987.tmp");
        }
    }

    @Test
    void gcSweepsTempFilesOfWritersKilledLongAgo() throws IOException {
        Path root = tempDir();
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path noop = Files.writeString(plugins.resolve("noop"), "#!/bin/sh\ncat >/dev/null\nprintf '{}'\n");
        Files.setPosixFilePermissions(noop, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path results = Files.createDirectories(root.resolve("cache/results"));
        Path old = Files.writeString(results.resolve(".n-gone-eth0.42.tmp"), "{\"kind\":\"cniCacheV1\"");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(600)));
        Path fresh = Files.writeString(results.resolve(".n-busy-eth0.43.tmp"), "{");
        Path otherNet = Files.writeString(results.resolve(".other-gone-eth0.44.tmp"), "{");
        Files.setLastModifiedTime(otherNet, Files.getLastModifiedTime(old));
        TRIED.incrementAndGet();
        io.github.cni4j.invoke.CniInvoker.builder().pluginDirs(List.of(plugins)).cacheDir(root.resolve("cache"))
                .build().gc(io.github.cni4j.config.NetworkConfigList.fromBytes(
                        "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"plugins\":[{\"type\":\"noop\"}]}"
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(old).doesNotExist();
        assertThat(fresh).as("a write possibly in progress elsewhere").exists();
        assertThat(otherNet).as("another network's file").exists();
    }

    @Test
    void entriesAre0600InsideA0700Dir() throws IOException {
        Path root = tempDir();
        Path cacheDir = root.resolve("cache");
        ResultCache.of(cacheDir).put(entry("n", "c", "eth0"));
        TRIED.incrementAndGet();
        Path results = cacheDir.resolve("results");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results.resolve("n-c-eth0"))))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files).as("no temp files left behind").hasSize(1);
        }
    }

    private static void assertNoneOrCacheException(Throwable t) {
        if (t != null) {
            assertThat(t).is(FailureKinds.CACHE);
        }
    }

    private static Gen<byte[]> entryBytes() {
        String valid = "{\"kind\":\"cniCacheV1\",\"containerId\":\"c\",\"config\":\"e30=\",\"ifName\":\"eth0\","
                + "\"networkName\":\"n\",\"result\":{\"cniVersion\":\"1.0.0\"}}";
        Gen<byte[]> mutated = Gen.ints(0, valid.length()).flatMap(cut ->
                Gen.strings(Gen.anyChar(), 0, 8).map(s -> (valid.substring(0, cut) + s)
                        .getBytes(StandardCharsets.UTF_8)));
        return Gen.oneOf(mutated, Gen.bytes(0, 64),
                Gen.of(("[".repeat(10_000)).getBytes(StandardCharsets.US_ASCII), valid.getBytes()));
    }

    @Test
    void anyEntryContentReadsAsAnEntryOrACacheException() {
        Seeded.forAll(300, entryBytes(), HostileCacheTest::readsAsAnEntryOrACacheException);
    }

    private static void readsAsAnEntryOrACacheException(byte[] content) throws IOException {
        TRIED.addAndGet(2);
        Path root = tempDir();
        try {
            ResultCache cache = ResultCache.of(root);
            Files.createDirectories(root.resolve("results"));
            Files.write(root.resolve("results/n-c-eth0"), content);
            assertNoneOrCacheException(catchThrowable(() -> cache.get("n", "c", "eth0")));
            assertThat(cache.attachments()).hasSizeLessThanOrEqualTo(1);
        } finally {
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
