package io.github.cni4j.examples.cnitool;

import io.github.cni4j.netns.NetNs;
import java.util.List;

/** {@code cnitool netns add|del|ls [name]}: named network namespaces, as {@code ip netns} makes them. */
final class NetnsCommand implements Command {

    @Override
    public String name() {
        return "netns";
    }

    @Override
    public String summary() {
        return "add, delete or list named network namespaces (like ip netns)";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool netns add <name>
                       cnitool netns del <name>
                       cnitool netns ls

                Namespaces are bind-mounted at /run/netns/<name>, exactly as `ip netns add` makes them,
                so `ip -n <name>`, Go's cnitool and this tool all see them. Needs root (CAP_SYS_ADMIN).""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        if (args.isEmpty()) {
            throw new UsageException("netns: missing sub-command (add, del or ls)");
        }
        String sub = args.get(0);
        switch (sub) {
            case "add" -> {
                try (NetNs ns = NetNs.create(oneName(args))) {
                    ctx.out().println(ns.path());
                }
            }
            case "del", "delete", "rm" -> NetNs.delete(oneName(args));
            case "ls", "list" -> {
                if (args.size() > 1) {
                    throw new UsageException("netns ls: takes no arguments");
                }
                NetNs.list().forEach(ctx.out()::println);
            }
            default -> throw new UsageException("netns: unknown sub-command \"" + sub + "\" (add, del or ls)");
        }
        return 0;
    }

    private static String oneName(List<String> args) {
        if (args.size() != 2) {
            throw new UsageException("netns " + args.get(0) + ": expected exactly one namespace name");
        }
        return args.get(1);
    }
}
