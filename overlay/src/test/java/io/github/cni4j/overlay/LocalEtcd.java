package io.github.cni4j.overlay;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An etcd of the test's own ({@code /usr/bin/etcd}, single member, 127.0.0.1 on free ports, a data dir the test
 * owns), so that a test can kill it and start it again on the same data dir and ports.
 */
final class LocalEtcd implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/etcd");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Path dataDir;
    private final Path log;
    private final int clientPort;
    private final int peerPort;
    private Process process;

    LocalEtcd(Path workDir) throws IOException {
        this.dataDir = workDir.resolve("etcd-data");
        this.log = workDir.resolve("etcd.log");
        this.clientPort = freePort();
        this.peerPort = freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    /** Starts etcd and waits (up to 15 s) until it answers a health check. */
    void start() throws Exception {
        String peer = "http://127.0.0.1:" + peerPort;
        process = new ProcessBuilder(BINARY.toString(), "--name", "c4jov", "--data-dir", dataDir.toString(),
                "--listen-client-urls", endpoint(), "--advertise-client-urls", endpoint(),
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "c4jov=" + peer, "--initial-cluster-state", "new")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("etcd exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("etcd at " + endpoint() + " did not become healthy in 15 s; see " + log);
    }

    /** Kills etcd hard (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    private boolean healthy() throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"health\":\"true\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** Counts the keys under a prefix with a plain jetcd client (not through {@link EtcdStore}). */
    long countKeys(String prefix) throws Exception {
        try (Client c = Client.builder().endpoints(endpoint()).build()) {
            ByteSequence key = ByteSequence.from(prefix, StandardCharsets.UTF_8);
            return c.getKVClient().get(key, GetOption.builder().isPrefix(true).withCountOnly(true).build())
                    .get(5, TimeUnit.SECONDS).getCount();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
