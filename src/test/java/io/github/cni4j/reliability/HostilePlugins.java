package io.github.cni4j.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes small plugins that misbehave on purpose into a plugin directory, as libcni's own {@code noop}/{@code sleep}
 * test plugins do. Shell scripts only, so any POSIX host can run them; the pids of processes a plugin leaves behind
 * are written to {@code <dir>/pids/<name>} so a test can check they were killed.
 */
final class HostilePlugins {

    /** Plugin name to script body. */
    static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        String pids = "P=\"$(dirname \"$0\")/pids\"; ";
        SCRIPTS.put("hang", pids + "sleep 1000 & echo $! > \"$P/hang-child\"; echo $$ > \"$P/hang\"; sleep 1000");
        SCRIPTS.put("fork-keeps-stdout", pids + "sleep 1000 & echo $! > \"$P/fork-keeps-stdout-child\"; "
                + "printf '{\"cniVersion\":\"1.0.0\"}'; exit 0");
        SCRIPTS.put("huge-stdout", "exec head -c 104857600 /dev/zero");
        SCRIPTS.put("garbage", "head -c 65536 /dev/urandom; exit 0");
        SCRIPTS.put("silent-success", "cat > /dev/null; exit 0");
        SCRIPTS.put("signal", "kill -SEGV $$; sleep 5");
        SCRIPTS.put("closes-stdin", "exec 0<&-; printf '{\"code\":7,\"msg\":\"stdin closed unread\"}'; exit 1");
        SCRIPTS.put("stderr-flood", "head -c 8000000 /dev/zero | tr '\\000' 'e' >&2; exit 3");
        SCRIPTS.put("huge-error", "printf '{\"code\":7,\"msg\":\"'; head -c 10485760 /dev/zero | tr '\\000' 'm'; "
                + "printf '\",\"details\":\"d\"}'; exit 1");
        SCRIPTS.put("invalid-error", "printf '{\"code\":\"seven\",\"msg\":5}'; exit 1");
        SCRIPTS.put("error-huge-code", "printf '{\"code\":1e400,\"msg\":\"x\"}'; exit 1");
        SCRIPTS.put("error-negative-code", "printf '{\"code\":-1,\"msg\":\"x\"}'; exit 1");
        SCRIPTS.put("error-deep", "printf '{\"code\":7,\"msg\":'; head -c 100000 /dev/zero | tr '\\000' '['; exit 1");
        SCRIPTS.put("exit-silently", "exit 1");
        SCRIPTS.put("stderr-only", "echo 'oops on stderr' >&2; exit 2");
        SCRIPTS.put("not-json-error", "printf 'this is not json'; exit 1");
        SCRIPTS.put("bad-result", "cat > /dev/null; printf '{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1\"}]}'");
        SCRIPTS.put("unknown-version", "cat > /dev/null; printf '{\"cniVersion\":\"9.9.9\"}'");
    }

    private HostilePlugins() {
    }

    /** Writes every script plus the plugins that cannot even be started. */
    static void writeAll(Path dir) {
        try {
            Files.createDirectories(dir.resolve("pids"));
            for (Map.Entry<String, String> e : SCRIPTS.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.writeString(p, "#!/bin/sh\n" + e.getValue() + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path noExec = Files.writeString(dir.resolve("not-executable"), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(noExec, PosixFilePermissions.fromString("rw-r--r--"));
            Files.createDirectories(dir.resolve("a-directory"));
            Files.createSymbolicLink(dir.resolve("loop-a"), dir.resolve("loop-b"));
            Files.createSymbolicLink(dir.resolve("symlink-loop"), dir.resolve("loop-a"));
            Files.createSymbolicLink(dir.resolve("loop-b"), dir.resolve("symlink-loop"));
            Files.write(dir.resolve("not-an-elf"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0});
            Files.setPosixFilePermissions(dir.resolve("not-an-elf"), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid a plugin recorded, if it got that far. */
    static long pid(Path dir, String name) {
        try {
            return Long.parseLong(Files.readString(dir.resolve("pids").resolve(name)).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
