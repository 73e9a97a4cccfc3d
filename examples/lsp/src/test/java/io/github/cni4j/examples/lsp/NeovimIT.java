package io.github.cni4j.examples.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor against the real launcher: headless Neovim (0.7 or later) runs {@code neovim-it.lua}, which starts
 * {@code examples/lsp/cni-lsp} over stdio, opens a broken conflist, applies the quick fix for a misspelt key,
 * requests completion and hover, and writes what it got to a JSON file and the buffer to disk. Needs
 * {@code /usr/bin/nvim} (Debian package {@code neovim}); under {@code CI=true} a missing Neovim fails the test.
 */
class NeovimIT {

    static final String BROKEN = """
            {
              "cniVersion": "1.0.0",
              "name": "c4j-nvim",
              "plugins": [
                {
                  "type": "bridge", "bridge": "c4j0", "isGatway": true,
                  "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}
                },
                {"type": "portmap", "capabilities": {"portMappings": true}, }
              ]
            }
            """;

    static Path nvim() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "nvim");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of("/usr/bin/nvim");
    }

    private static List<String> messages(JsonObject result, String key) {
        List<String> out = new ArrayList<>();
        result.getAsJsonArray(key).forEach(d -> out.add(d.getAsJsonObject().get("message").getAsString()));
        return out;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @Test
    void neovimGetsDiagnosticsAppliesAFixAndCompletes(@TempDir Path dir) throws Exception {
        Path nvim = nvim();
        if (!Files.isExecutable(nvim)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("nvim not found: install Debian's neovim package (see .ci/run)");
            }
            Assumptions.abort("nvim not installed");
        }
        Path server = Path.of("cni-lsp").toAbsolutePath();
        assertThat(server).isExecutable();
        Path conf = dir.resolve("10-c4j.conflist");
        Files.writeString(conf, BROKEN);
        Path out = dir.resolve("result.json");
        Path script = Path.of(NeovimIT.class.getResource("/neovim-it.lua").toURI());

        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "--clean", "-i", "NONE", "-n",
                "-c", "luafile " + script);
        pb.environment().put("C4J_OUT", out.toString());
        pb.environment().put("C4J_FILE", conf.toString());
        pb.environment().put("C4J_SERVER", server.toString());
        pb.environment().put("CNI_PATH", dir.toString());
        for (String xdg : new String[] {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"}) {
            pb.environment().put(xdg, dir.resolve("xdg").toString());   // Neovim's LSP log and state stay here
        }
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        boolean done = p.waitFor(40, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("nvim.log"));
        assertThat(done).as("nvim finished within 40 s; output: %s", log).isTrue();
        assertThat(out).as("result file; nvim output: %s", log).exists();
        JsonObject result = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertThat(result.has("error")).as("error %s; nvim output: %s", result.get("error"), log).isFalse();
        assertThat(p.exitValue()).as("nvim exit code; output: %s", log).isZero();

        assertThat(messages(result, "first")).anyMatch(m -> m.contains("unknown field \"isGatway\""));
        assertThat(result.get("action").getAsString()).isEqualTo("Change to \"isGateway\"");
        // After the fix, the didChange that Neovim sent made the server publish again, without the misspelt key.
        assertThat(result.get("published").getAsInt()).isGreaterThanOrEqualTo(2);
        assertThat(messages(result, "after")).isNotEmpty().noneMatch(m -> m.contains("isGatway"));
        List<String> completion = strings(result.getAsJsonArray("completion"));
        assertThat(completion).contains("snat", "masqAll").doesNotContain("type", "capabilities");
        assertThat(result.get("hover").getAsString()).startsWith("**isGateway** · boolean");
        assertThat(Files.readString(conf)).isEqualTo(BROKEN.replace("\"isGatway\"", "\"isGateway\""));
    }
}
