package io.github.cni4j.invoke;

import io.github.cni4j.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Go libcni 1.1.2 (Debian's golang-github-appc-cni-dev source) behind a small CLI, {@code src/test/go/c4j-oracle},
 * built offline in GOPATH mode into {@code target/} once.
 */
final class GoOracle {

    static final Path GOPATH_SRC = Path.of("/usr/share/gocode/src/github.com/containernetworking/cni/libcni");
    private static final Path BINARY = Path.of("target/c4j-oracle/c4j-oracle");

    private GoOracle() {
    }

    /** Builds the oracle if needed; fails under CI=true (skips elsewhere) without go or the libcni source. */
    static synchronized Path binary() throws IOException, InterruptedException {
        Prerequisites.require(Prerequisites.onPath("go"), "go (apt-get install golang-go)");
        Prerequisites.require(Files.isDirectory(GOPATH_SRC), "Go libcni source (apt-get install golang-github-appc-cni-dev)");
        Path src = Path.of("src/test/go/c4j-oracle/main.go");
        if (Files.exists(BINARY) && Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(src)) > 0) {
            return BINARY.toAbsolutePath();
        }
        Path work = Files.createDirectories(Path.of("target/c4j-oracle")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("go", "build", "-o", BINARY.toAbsolutePath().toString(), ".")
                .directory(src.getParent().toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", work.resolve("gopath") + ":/usr/share/gocode");
        env.put("GOCACHE", work.resolve("gocache").toString());
        env.put("GOFLAGS", "");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("go build of the oracle failed: " + out);
        }
        return BINARY.toAbsolutePath();
    }

    /** Runs the oracle; returns stdout, throws with stderr on failure. */
    static String run(String verb, Path conflist, String netns, String containerId, String ifName, Path cacheDir,
                      Path pluginDir, Map<String, String> extraEnv) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), verb, conflist.toString(), netns, containerId,
                ifName, cacheDir.toString(), pluginDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("c4j-oracle " + verb + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
