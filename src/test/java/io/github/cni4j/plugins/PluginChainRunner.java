package io.github.cni4j.plugins;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.config.StdinBytes;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test-only stand-in for {@code CniInvoker} (which lands on another branch): runs a list's plugins with the CNI
 * environment and libcni's stdin bytes, ADD in order with prevResult chaining, DEL in reverse with the final result.
 */
final class PluginChainRunner {

    private final Path pluginDir;

    PluginChainRunner(Path pluginDir) {
        this.pluginDir = pluginDir;
    }

    /** Runs ADD through the chain and returns the final result's bytes. */
    byte[] add(NetworkConfigList list, String containerId, Path netns, String ifName) {
        byte[] prev = null;
        for (PluginConfig p : list.plugins()) {
            prev = run("ADD", list, p, prev, containerId, netns, ifName);
        }
        return prev;
    }

    /** Runs DEL through the chain in reverse order with the final ADD result (may be null). */
    void del(NetworkConfigList list, byte[] result, String containerId, Path netns, String ifName) {
        List<PluginConfig> ps = list.plugins();
        for (int i = ps.size() - 1; i >= 0; i--) {
            run("DEL", list, ps.get(i), result, containerId, netns, ifName);
        }
    }

    private byte[] run(String verb, NetworkConfigList list, PluginConfig p, byte[] prev, String cid, Path netns,
                       String ifName) {
        byte[] stdin = StdinBytes.forAddCheckDel(p, list.name(), list.cniVersion(), prev,
                JsonTrees.MAPPER.createObjectNode());
        try {
            ProcessBuilder pb = new ProcessBuilder(pluginDir.resolve(p.type()).toString());
            Map<String, String> env = pb.environment();
            env.put("CNI_COMMAND", verb);
            env.put("CNI_CONTAINERID", cid);
            env.put("CNI_NETNS", netns.toString());
            env.put("CNI_IFNAME", ifName);
            env.put("CNI_ARGS", "");
            env.put("CNI_PATH", pluginDir.toString());
            Process proc = pb.start();
            try (OutputStream in = proc.getOutputStream()) {
                in.write(stdin);
            }
            byte[] out = proc.getInputStream().readAllBytes();
            byte[] err = proc.getErrorStream().readAllBytes();
            if (!proc.waitFor(60, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new AssertionError(p.type() + " " + verb + " timed out");
            }
            if (proc.exitValue() != 0) {
                throw new AssertionError(p.type() + " " + verb + " failed: " + new String(out, StandardCharsets.UTF_8)
                        + new String(err, StandardCharsets.UTF_8) + "\nstdin: " + new String(stdin, StandardCharsets.UTF_8));
            }
            return "ADD".equals(verb) ? out : prev;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + p.type(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
