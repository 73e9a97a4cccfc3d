package io.github.cni4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.cache.CacheCodec;
import io.github.cni4j.internal.facade.CniArgs;
import io.github.cni4j.internal.invoke.PluginFailures;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.DiagnosticCode;
import io.github.cni4j.lint.Linter;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer) for every decoder of untrusted bytes. A normal test run replays the
 * committed inputs under {@code src/test/resources/io/github/cni4j/fuzz/DecodersFuzzTestInputs/<method>/};
 * {@code scripts/fuzz.sh [minutes]} fuzzes each target for real ({@code JAZZER_FUZZ=1}); {@code maxDuration} is
 * only an upper bound there, the script stops each target after the minutes asked for.
 */
class DecodersFuzzTest {

    @FuzzTest(maxDuration = "2h")
    void conflistParsing(byte[] bytes) {
        for (int i = 0; i < 3; i++) {
            try {
                Object v = switch (i) {
                    case 0 -> NetworkConfigList.fromBytes(bytes, "fuzz");
                    case 1 -> NetworkConfigList.of(PluginConfig.fromBytes(bytes, "fuzz"));
                    default -> PluginConfig.fromBytes(bytes, "fuzz");
                };
                assertThat(v).isNotNull();
                if (v instanceof NetworkConfigList list) {
                    assertThat(NetworkConfigList.fromBytes(list.bytes())).isEqualTo(list);
                }
            } catch (ConfigException expected) {
                assertThat(expected.msg()).isNotBlank();
            }
        }
    }

    @FuzzTest(maxDuration = "2h")
    void linterTolerantParser(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<Diagnostic> ds = Linter.standard().lint(text, "fuzz.conflist");
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (Diagnostic d : ds) {
            assertThat(d.kind()).as(d.toString()).isNotEqualTo(DiagnosticCode.INTERNAL_ERROR);
            assertThat(d.line()).isBetween(1, lines.length);
            assertThat(d.endLine()).isBetween(d.line(), lines.length);
        }
    }

    @FuzzTest(maxDuration = "2h")
    void resultDecoding(byte[] bytes) {
        for (String fallback : new String[] {null, "0.2.0", "1.1.0"}) {
            try {
                Result r = fallback == null ? Result.fromBytes(bytes) : Result.fromBytes(bytes, fallback);
                assertThat(Result.fromBytes(r.toBytes())).isEqualTo(r);
            } catch (ConfigException expected) {
                assertThat(expected.code()).isEqualTo(6);
            }
        }
    }

    @FuzzTest(maxDuration = "2h")
    void cacheFileDecoding(byte[] bytes) {
        // Never throws: a file that is not a complete cniCacheV1 entry decodes to empty.
        CacheCodec.decode(bytes).ifPresent(entry -> {
            assertThat(entry.containerId()).isNotEmpty();
            assertThat(entry.networkName()).isNotEmpty();
            assertThat(entry.ifName()).isNotEmpty();
        });
    }

    @FuzzTest(maxDuration = "2h")
    void cniArgsHandling(FuzzedDataProvider data) {
        String key = data.consumeString(16);
        String value = data.consumeRemainingAsString();
        CniArgs args = new CniArgs();
        try {
            args.put(key, value);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String rendered = args.render();
        if (key.equals(CniArgs.IGNORE_UNKNOWN)) {
            // the caller's own IgnoreUnknown replaces the default one
            assertThat(rendered).isEqualTo(key + "=" + value);
        } else {
            assertThat(rendered.split(";", -1)).containsExactly("IgnoreUnknown=1", key + "=" + value);
        }
    }

    @FuzzTest(maxDuration = "2h")
    void pluginStdoutHandling(FuzzedDataProvider data) {
        int exit = data.consumeInt(1, 255);
        byte[] stderr = data.consumeBytes(64);
        byte[] stdout = data.consumeRemainingAsBytes();
        PluginException e = PluginFailures.failure("fuzz", Path.of("/opt/cni/bin/fuzz"), "ADD",
                PluginExec.Response.exited(exit, stdout, false, stderr));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isNotNull();
    }
}
