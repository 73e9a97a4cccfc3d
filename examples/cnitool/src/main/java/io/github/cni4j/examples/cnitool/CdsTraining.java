package io.github.cni4j.examples.cnitool;

import com.sun.jna.Platform;
import io.github.cni4j.error.CniException;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.lint.Linter;
import io.github.cni4j.result.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher's training run after a build ({@code cnitool __cds-training}): loads the classes a real
 * {@code add} loads (config parsing, the invoker, process spawning through a plugin's VERSION, result encoding,
 * the linter) without touching the machine, so the class-data-sharing archive dumped at its exit serves every
 * later command, not just whichever ran first.
 *
 * <p>It also copies JNA's native part ({@code libjnidispatch.so}) out of the JNA jar into the directory that the
 * launcher names in {@code jna.boot.library.path}, so that later runs load it from there instead of unpacking it to
 * a temp file each time. The copy is written under a private name and renamed into place.
 */
final class CdsTraining {

    static final String COMMAND = "__cds-training";

    private static final String CONFLIST = """
            {"cniVersion": "1.0.0", "name": "c4j-training", "plugins": [
              {"type": "bridge", "bridge": "c4jtrain0", "isGateway": true, "ipMasq": true,
               "ipam": {"type": "host-local", "subnet": "10.88.0.0/16"}},
              {"type": "portmap", "capabilities": {"portMappings": true}}]}
            """;
    private static final String RESULT = "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"c4jtrain0\","
            + "\"mac\":\"02:00:00:00:00:01\"},{\"name\":\"eth0\",\"mac\":\"02:00:00:00:00:02\","
            + "\"sandbox\":\"/run/netns/c4j-training\"}],\"ips\":[{\"interface\":1,\"address\":\"10.88.0.2/16\","
            + "\"gateway\":\"10.88.0.1\"}],\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.88.0.1\"}],"
            + "\"dns\":{\"nameservers\":[\"10.88.0.1\"]}}";

    private static final String TRAINING_CONF = """
            {"cniVersion": "1.0.0", "name": "c4j-training", "type": "c4j-training", "bridge": "c4jtrain0",
             "isDefaultGateway": true, "forceAddress": false, "ipMasq": true, "hairpinMode": true, "mtu": 1500,
             "ipam": {"type": "host-local", "subnet": "10.88.0.0/16", "routes": [{"dst": "0.0.0.0/0"}],
                      "dataDir": "/nonexistent/c4j-training"}}
            """;

    /** Reads its stdin (the config) and answers ADD with the result and VERSION with 1.0.0. */
    private static final String STAND_IN = """
            #!/bin/sh
            cat >/dev/null
            case "$CNI_COMMAND" in
            ADD) printf '%%s' '%s' ;;
            VERSION) printf '%%s' '{"cniVersion":"1.0.0","supportedVersions":["0.4.0","1.0.0"]}' ;;
            esac
            """;

    private CdsTraining() {
    }

    static int run(ToolEnv env) {
        // First, so that JNA, initialised below, already loads the copy as every later run does.
        Optional.ofNullable(System.getProperty("jna.boot.library.path")).map(Path::of)
                .ifPresent(CdsTraining::copyJnaDispatch);
        byte[] conflist = CONFLIST.getBytes(StandardCharsets.UTF_8);
        NetworkConfigList list = NetworkConfigList.fromBytes(conflist, "training");
        NetworkConfigList.of(PluginConfig.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"c4j\",\"type\":"
                + "\"bridge\"}").getBytes(StandardCharsets.UTF_8)));
        RuntimeConf.builder().containerId(ToolEnv.containerId(Path.of("/run/netns/c4j-training")))
                .netNs("/run/netns/c4j-training").ifName("eth0").addArg("IgnoreUnknown", "1")
                .capabilityArgs(Map.of("portMappings", List.of())).build();
        GoIndent.indent(Result.fromBytes(RESULT.getBytes(StandardCharsets.UTF_8)).toBytes());
        Linter.toText(Linter.standard().lint(CONFLIST, "training.conflist"));
        CniInvoker invoker = AttachCommand.invoker(env);
        try {
            // VERSION has no side effects; it exercises plugin lookup, spawning and answer parsing.
            invoker.versionInfo(list.plugins().get(0).type());
        } catch (CniException e) {
            // No plugins installed: the archive then lacks the spawn path, which is fine.
        }
        attachRoundTrip();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        new CniTool().run(List.of("--help"), Map.of(), nowhere, nowhere);
        return 0;
    }

    /**
     * {@code add}, {@code check} and {@code del} exactly as a user runs them (config directory, cache, locks,
     * result encoding), but on a stand-in plugin, a shell script in a temp dir that only prints a result: nothing
     * outside that dir is touched. Archiving the classes of this path saves about a tenth of an add or del.
     */
    private static void attachRoundTrip() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("c4j-cds-training-");
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path plugin = Files.writeString(bin.resolve("c4j-training"), STAND_IN.formatted(RESULT));
            Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
            Path confDir = Files.createDirectories(dir.resolve("net.d"));
            // A config shaped like a real bridge network's: long keys, booleans and numbers take parser paths of
            // their own, and a class missed here is looked up in the jars at every run.
            Files.writeString(confDir.resolve("10-c4j-training.conf"), TRAINING_CONF);
            ToolEnv env = new ToolEnv(confDir, List.of(bin), "eth0", "", "", dir.resolve("cache"), "", "");
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            String netns = dir.resolve("netns").toString();
            Command.Context ctx = new Command.Context(env, nowhere, nowhere);
            for (String verb : List.of("add", "check", "del")) {
                new AttachCommand(verb).run(List.of("c4j-training", netns), ctx);
            }
        } catch (IOException | UnsupportedOperationException | CniException | ToolException e) {
            // No /bin/sh, a noexec temp dir, or no POSIX permissions: the archive just covers less.
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Copies {@code libjnidispatch.so} of the JNA on the class path into {@code dir}, atomically.
     *
     * @return whether the copy is in place
     */
    static boolean copyJnaDispatch(Path dir) {
        String resource = "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("jnidispatch");
        Path tmp = dir.resolve(".jnidispatch." + ProcessHandle.current().pid() + ".tmp");
        try (InputStream in = Platform.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(System.mapLibraryName("jnidispatch")), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            // An unwritable cache: JNA unpacks its library to a temp file as usual.
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Nothing more to do.
            }
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp dir is harmless.
        }
    }
}
