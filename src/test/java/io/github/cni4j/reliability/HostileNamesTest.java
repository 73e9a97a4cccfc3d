package io.github.cni4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.config.CniNames;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Container IDs, network names and interface names are the parts of the cache file name
 * {@code <dir>/results/<network>-<containerId>-<ifName>}: path traversal, NUL, newlines and over-long values must be
 * refused by {@link CniNames} before anything touches the disk, and whatever it accepts must name a plain file
 * directly inside the results directory.
 */
class HostileNamesTest {

    private static final Path RESULTS = Path.of("/var/lib/cni/results");
    private static final List<String> FRAGMENTS = List.of("/", "../", "/..", "..", "\u0000", "\n", "\r", "\\",
            ":", " ", "\t", "=", ";", "\u2028", "\u00a0", "%2f", "$(id)", "`id`", "*", "\u00e9");
    private static final AtomicLong TRIED = new AtomicLong();

    @AfterAll
    static void recordFigures() {
        Figures.of("bad-input", "names")
                .scenario("container IDs, network names and interface names with /, .., NUL, newlines, shell "
                        + "metacharacters, Unicode spaces and over-long values (seeded generators + examples)")
                .count(TRIED.get(), "names validated")
                .lost(0, "each refused with a ConfigException (libcni code 3/4/7), or accepted and then naming a "
                        + "file directly inside <cacheDir>/results")
                .write();
    }

    @Test
    void traversalAndControlCharactersAreRefused() {
        for (String bad : List.of("..", ".", "../../etc/passwd", "a/b", "/abs", "a\u0000b", "a\nb", "a\rb",
                "ab\n", "\u0000")) {
            TRIED.addAndGet(3);
            assertThatThrownBy(() -> CniNames.validateContainerId(bad)).isInstanceOf(ConfigException.class);
            assertThatThrownBy(() -> CniNames.validateNetworkName(bad)).isInstanceOf(ConfigException.class);
            assertThatThrownBy(() -> CniNames.validateInterfaceName(bad)).isInstanceOf(ConfigException.class);
        }
    }

    @Test
    void overLongInterfaceNamesAreRefusedByBytesNotCharacters() {
        TRIED.addAndGet(3);
        assertThat(CniNames.isValidInterfaceName("a".repeat(15))).isTrue();
        assertThat(CniNames.isValidInterfaceName("a".repeat(16))).isFalse();
        // 8 characters, 16 bytes in UTF-8: the kernel counts bytes.
        assertThat(CniNames.isValidInterfaceName("\u00e9".repeat(8))).isFalse();
    }

    @Test
    void loneSurrogatesInInterfaceNamesAreRefused() {
        // found by the seeded generator: a lone surrogate was accepted and then no cache file path could be made
        TRIED.addAndGet(3);
        assertThatThrownBy(() -> CniNames.validateInterfaceName("\u3c4f\u40b1\u6252\u1e6d\udac2"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lone UTF-16 surrogate");
        assertThat(CniNames.isValidInterfaceName("eth\udc00")).isFalse();
        assertThat(CniNames.isValidInterfaceName("e\ud83d\ude00")).as("a surrogate pair is fine").isTrue();
    }

    private static Gen<String> hostile() {
        Gen<String> plain = Gen.strings(Gen.oneOf(Gen.chars('a', 'z'), Gen.chars("0189._-")), 0, 6);
        Gen<String> fragment = Gen.of(FRAGMENTS);
        return Gen.oneOf(
                r -> plain.next(r) + fragment.next(r) + plain.next(r),
                r -> fragment.next(r) + plain.next(r),
                Gen.strings(Gen.anyChar(), 0, 20),
                Gen.strings(Gen.alphanumeric(), 14, 300),
                plain);
    }

    @Test
    void hostileNamesAreRefusedWithAConfigExceptionOnly() {
        Seeded.forAll(1000, hostile(), HostileNamesTest::refusedWithAConfigExceptionOnly);
    }

    private static void refusedWithAConfigExceptionOnly(String name) {
        TRIED.addAndGet(3);
        boolean traversal = name.contains("/") || name.indexOf('\u0000') >= 0 || name.contains("\n")
                || name.contains("\r") || name.equals(".") || name.equals("..");
        assertThat(acceptedOrConfigException(() -> CniNames.validateContainerId(name)))
                .isEqualTo(CniNames.isValidContainerId(name)).matches(ok -> !ok || !traversal);
        assertThat(acceptedOrConfigException(() -> CniNames.validateNetworkName(name)))
                .isEqualTo(CniNames.isValidNetworkName(name)).matches(ok -> !ok || !traversal);
        assertThat(acceptedOrConfigException(() -> CniNames.validateInterfaceName(name)))
                .isEqualTo(CniNames.isValidInterfaceName(name)).matches(ok -> !ok || !traversal);
    }

    @Test
    void acceptedNamesNameAFileDirectlyInTheResultsDir() {
        Seeded.forAll(1000, hostile(), hostile(), hostile(), HostileNamesTest::acceptedNameAFileInTheResultsDir);
    }

    private static void acceptedNameAFileInTheResultsDir(String network, String containerId, String ifName) {
        TRIED.addAndGet(3);
        if (!CniNames.isValidNetworkName(network) || !CniNames.isValidContainerId(containerId)
                || !CniNames.isValidInterfaceName(ifName)) {
            return;
        }
        Path entry = RESULTS.resolve(network + "-" + containerId + "-" + ifName);
        assertThat(entry.normalize().getParent()).isEqualTo(RESULTS);
        assertThat(entry.getFileName().toString()).doesNotContain("/").isNotIn(".", "..");
    }

    private static boolean acceptedOrConfigException(Runnable validation) {
        try {
            validation.run();
            return true;
        } catch (ConfigException e) {
            assertThat(e.code()).isIn(3, 4, 7);
            assertThat(e.msg()).isNotBlank();
            return false;
        }
    }
}
