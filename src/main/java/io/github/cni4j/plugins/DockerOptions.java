package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import java.util.List;
import java.util.Map;

/** Docker's and nerdctl's {@code -o key=value} driver options mapped onto a {@link NetworkSpec.Builder}. */
final class DockerOptions {

    private DockerOptions() {
    }

    static void apply(NetworkSpec.Builder b, NetworkSpec.Driver driver, Map<String, String> options) {
        options.forEach((key, value) -> {
            if (driver == NetworkSpec.Driver.BRIDGE) {
                bridge(b, key, value);
            } else {
                link(b, driver, key, value);
            }
        });
    }

    private static void bridge(NetworkSpec.Builder b, String key, String value) {
        switch (key) {
            case "com.docker.network.bridge.name" -> b.bridgeName(value);
            case "com.docker.network.bridge.enable_ip_masquerade", "ip-masq" -> b.ipMasq(parseBool(key, value));
            case "com.docker.network.bridge.enable_icc", "icc" -> b.icc(parseBool(key, value));
            case "com.docker.network.bridge.host_binding_ipv4" -> {
                Cidr.ip(key, value);
                b.hostBindingIpv4(value);
            }
            case "com.docker.network.driver.mtu", "mtu" -> b.mtu(parseMtu(key, value));
            default -> throw unsupported("bridge", key);
        }
    }

    private static void link(NetworkSpec.Builder b, NetworkSpec.Driver driver, String key, String value) {
        String d = driver.cliName();
        if (key.equals("parent")) {
            b.parent(value);
        } else if (key.equals("mode") || key.equals(d + "_mode")) {
            b.mode(value);
        } else if (List.of("mtu", "com.docker.network.driver.mtu").contains(key)) {
            b.mtu(parseMtu(key, value));
        } else {
            throw unsupported(d, key);
        }
    }

    private static IllegalArgumentException unsupported(String driver, String key) {
        return new IllegalArgumentException("unsupported \"" + driver + "\" network option \"" + key + "\"");
    }

    /** Go's strconv.ParseBool, which nerdctl uses for these options. */
    static boolean parseBool(String key, String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException(key + ": strconv.ParseBool: parsing \"" + v
                    + "\": invalid syntax");
        };
    }

    private static int parseMtu(String key, String v) {
        try {
            int mtu = Integer.parseInt(v);
            if (mtu < 0) {
                throw new IllegalArgumentException(key + ": mtu must be a positive integer, got " + v);
            }
            return mtu;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": mtu must be an integer, got \"" + v + "\"", e);
        }
    }
}
