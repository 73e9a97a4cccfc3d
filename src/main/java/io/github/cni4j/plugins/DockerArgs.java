package io.github.cni4j.plugins;

import java.util.List;
import java.util.Set;

/** Parses {@code docker network create} style arguments into a {@link NetworkSpec}. */
final class DockerArgs {

    /** Flags that take a value ({@code --subnet X} or {@code --subnet=X}). */
    private static final Set<String> VALUE_FLAGS = Set.of("-d", "--driver", "--subnet", "--gateway", "--ip-range",
            "--label", "-o", "--opt");
    /** Boolean flags: never take the next argument; {@code --ipv6=false} is accepted. */
    private static final Set<String> BOOLEAN_FLAGS = Set.of("--ipv6", "--internal");

    private DockerArgs() {
    }

    static NetworkSpec parse(List<String> args) {
        String name = null;
        NetworkSpec.Builder[] holder = new NetworkSpec.Builder[1];
        java.util.List<String[]> flags = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                if (name != null) {
                    throw new IllegalArgumentException("unexpected argument \"" + a + "\" (the name is \"" + name
                            + "\")");
                }
                name = a;
                continue;
            }
            String flag = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                flag = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!VALUE_FLAGS.contains(flag) && !BOOLEAN_FLAGS.contains(flag)) {
                // Reported before anything is consumed: "--attachable --subnet X name" names --attachable.
                throw new IllegalArgumentException("unknown flag: " + flag);
            }
            if (VALUE_FLAGS.contains(flag) && value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("flag needs an argument: " + flag);
                }
                value = args.get(++i);
            }
            flags.add(new String[] {flag, value});
        }
        if (name == null) {
            throw new IllegalArgumentException("network name is required");
        }
        holder[0] = NetworkSpec.builder(name);
        flags.forEach(f -> apply(holder[0], f[0], f[1]));
        return holder[0].build();
    }

    private static void apply(NetworkSpec.Builder b, String flag, String value) {
        switch (flag) {
            case "-d", "--driver" -> b.driver(NetworkSpec.Driver.parse(value));
            case "--subnet" -> b.addSubnet(value);
            case "--gateway" -> b.gateway(value);
            case "--ip-range" -> b.ipRange(value);
            case "--ipv6" -> b.ipv6(value == null || DockerOptions.parseBool(flag, value));
            case "--internal" -> b.internal(value == null || DockerOptions.parseBool(flag, value));
            case "--label" -> {
                String[] kv = value.split("=", 2);
                b.putLabel(kv[0], kv.length > 1 ? kv[1] : "");
            }
            case "-o", "--opt" -> {
                String[] kv = value.split("=", 2);
                if (kv.length < 2) {
                    throw new IllegalArgumentException("option \"" + value + "\" must be key=value");
                }
                b.option(kv[0], kv[1]);
            }
            default -> throw new IllegalArgumentException("unknown flag: " + flag);
        }
    }
}
