package io.github.cni4j.examples.cnitool;

import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.invoke.PluginExecs;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cnitool add|check|del <network> <netns>}: Go's cnitool, same arguments, environment, container id and
 * output, so an attachment made by one tool can be checked and deleted by the other.
 */
final class AttachCommand implements Command {

    private final String verb;

    AttachCommand(String verb) {
        this.verb = verb;
    }

    @Override
    public String name() {
        return verb;
    }

    @Override
    public String summary() {
        return switch (verb) {
            case "add" -> "attach a network namespace to a network (prints the result JSON)";
            case "check" -> "check that an attachment is still as the plugins set it up";
            default -> "detach a network namespace from a network";
        };
    }

    @Override
    public String help() {
        return """
                Usage: cnitool %1$s [-i|--ifname <name>] <network> <netns-path>

                Runs CNI %2$s for the network named <network> (looked up in NETCONFPATH, conflists first)
                on the network namespace at <netns-path> (e.g. /var/run/netns/<name>, or /proc/<pid>/ns/net).
                The container id is derived from the path exactly as Go's cnitool derives it
                (cnitool-<hex of the first 10 bytes of SHA-512(absolute path)>), so either tool can
                CHECK and DEL what the other added. CNI_CONTAINERID, when set, is used instead (an extension
                over Go's cnitool: it reaches what Podman or containerd attached).%3$s

                Environment: NETCONFPATH, CNI_PATH, CNI_IFNAME (or -i), CNI_ARGS, CAP_ARGS, CNI_CACHE_DIR,
                CNI_CONTAINERID.
                Exit status: 0 success, 1 the error text on stderr, 2 a usage error.""".formatted(
                verb, verb.toUpperCase(java.util.Locale.ROOT),
                verb.equals("add")
                        ? "\nPrints the result as Go's cnitool does: JSON indented by 4 spaces, no final newline."
                        : "");
    }

    @Override
    public int run(List<String> args, Context ctx) {
        Target target = parse(args, ctx.env().ifName());
        NetworkConfigList network = ConfLoader.loadConfList(ctx.env().confDir(), target.network());
        RuntimeConf rt = RuntimeConf.builder()
                .containerId(ctx.env().containerIdFor(target.netns()))
                .netNs(target.netns().toString())
                .ifName(target.ifName())
                .args(ctx.env().cniArgs())
                .capabilityArgs(ctx.env().capArgsMap())
                .build();
        CniInvoker invoker = invoker(ctx.env());
        switch (verb) {
            case "add" -> {
                Result result = invoker.add(network, rt);
                ctx.out().print(GoIndent.indent(result.toBytes()));
            }
            case "check" -> invoker.check(network, rt);
            default -> invoker.del(network, rt);
        }
        return 0;
    }

    /** The network, the netns (absolute, as cnitool passes it on) and the interface name. */
    private record Target(String network, Path netns, String ifName) {
    }

    private static Target parse(List<String> args, String defaultIfName) {
        String ifName = defaultIfName;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-i") || a.equals("--ifname")) {
                if (++i >= args.size()) {
                    throw new UsageException(a + " needs an interface name");
                }
                ifName = args.get(i);
            } else if (a.startsWith("--ifname=")) {
                ifName = a.substring("--ifname=".length());
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 2) {
            throw new UsageException("expected <network> <netns-path>, got " + positional.size() + " argument"
                    + (positional.size() == 1 ? "" : "s"));
        }
        return new Target(positional.get(0), ToolEnv.absolute(Path.of(positional.get(1))), ifName);
    }

    /**
     * The invoker of every plugin-running command. It spawns through {@code ProcessBuilder}, not the library's
     * default {@code posix_spawn} over JNA: one process runs one plugin chain, and JNA's start-up (its native
     * library, the reflection over its structures, the {@code java.util.logging} set-up with its scan of every jar
     * for a logging backend) costs more than a tool run saves on its few spawns. The system property
     * {@code cni4j.exec}, when set, still picks the executor as the library documents it.
     */
    static CniInvoker invoker(ToolEnv env) {
        PluginExec exec = System.getProperty("cni4j.exec") == null ? PluginExecs.portable()
                : PluginExecs.defaultExec();
        return CniInvoker.builder().pluginDirs(env.pluginDirs()).cacheDir(env.cacheDir()).exec(exec).build();
    }
}
