package io.github.cni4j;

import io.github.cni4j.internal.config.CniNames;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link Sandbox} gets its network: the modes of {@code nerdctl run --net} and {@code docker run --network}.
 *
 * <table>
 *   <caption>Network modes</caption>
 *   <tr><th>mode</th><th>Docker / nerdctl</th><th>namespace</th><th>CNI</th></tr>
 *   <tr><td>{@link #none()}</td><td>{@code --net none}</td><td>own</td><td>loopback only</td></tr>
 *   <tr><td>{@link #host()}</td><td>{@code --net host}</td><td>the host's</td><td>none</td></tr>
 *   <tr><td>{@link #bridge()}</td><td>{@code --net bridge} (default)</td><td>own</td>
 *       <td>the {@code Cni}'s default networks (plus loopback)</td></tr>
 *   <tr><td>{@link #network(String...)}</td><td>{@code --net a --net b}</td><td>own</td>
 *       <td>the named networks, in order (plus loopback)</td></tr>
 *   <tr><td>{@link #container(Sandbox)}</td><td>{@code --net container:<id>}</td><td>the other sandbox's</td>
 *       <td>none (shares the other's interfaces)</td></tr>
 * </table>
 *
 * <pre>{@code
 * try (Sandbox web = cni.sandbox("web-1", NetworkMode.network("frontend", "backend"));
 *      Sandbox sidecar = cni.sandbox("web-1-sidecar", NetworkMode.container(web))) {
 *     sidecar.run(() -> callLocalhost());   // same interfaces, same IPs as web
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Two modes are equal when they have the same kind and networks, join
 * the same {@link Sandbox} instance or the same path.
 *
 * @param kind the kind of mode
 * @param networks the network names of a {@link Kind#NETWORK} mode, in order; empty for other kinds
 * @param sandbox the sandbox a {@link #container(Sandbox)} mode joins, empty for other modes
 * @param netNsPath the namespace path a {@link #container(Path)} mode joins, empty for other modes
 */
public record NetworkMode(Kind kind, List<String> networks, Optional<Sandbox> sandbox, Optional<Path> netNsPath) {

    /** The kinds of network mode. */
    public enum Kind {
        /** Own namespace with only loopback. */
        NONE,
        /** The host's namespace, no CNI. */
        HOST,
        /** Own namespace on the default networks. */
        BRIDGE,
        /** Own namespace on named networks. */
        NETWORK,
        /** Another sandbox's or namespace's network. */
        CONTAINER
    }

    /**
     * Checks that the components fit the kind: names (valid, distinct, at least one) only for {@link Kind#NETWORK},
     * one sandbox or path only for {@link Kind#CONTAINER}.
     *
     * @param kind the kind
     * @param networks the network names
     * @param sandbox the joined sandbox
     * @param netNsPath the joined path
     * @throws IllegalArgumentException if they do not fit, or a name is repeated or not a valid network name
     */
    public NetworkMode {
        Objects.requireNonNull(kind, "kind");
        networks = List.copyOf(networks);
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(netNsPath, "netNsPath");
        if (kind == Kind.NETWORK && networks.isEmpty()) {
            throw new IllegalArgumentException("network mode needs at least one network name");
        }
        if (kind != Kind.NETWORK && !networks.isEmpty()) {
            throw new IllegalArgumentException(kind + " mode takes no network names");
        }
        if ((kind == Kind.CONTAINER) != (sandbox.isPresent() != netNsPath.isPresent())) {
            throw new IllegalArgumentException("a container mode joins one sandbox or one path; other modes none");
        }
        Set<String> seen = new HashSet<>();
        for (String n : networks) {
            if (!CniNames.isValidNetworkName(n)) {
                throw new IllegalArgumentException("invalid network name \"" + n + "\"");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("network \"" + n + "\" is listed twice");
            }
        }
    }

    /** {@return an own network namespace with only the loopback interface up ({@code --net none})} */
    public static NetworkMode none() {
        return new NetworkMode(Kind.NONE, List.of(), Optional.empty(), Optional.empty());
    }

    /** {@return the host's network: no namespace is made and no plugin runs ({@code --net host})} */
    public static NetworkMode host() {
        return new NetworkMode(Kind.HOST, List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Own namespace attached to the {@code Cni}'s default networks: its explicitly configured networks, or its
     * named default network, or the first network(s) of its configuration directory ({@code --net bridge}).
     *
     * @return the mode
     */
    public static NetworkMode bridge() {
        return new NetworkMode(Kind.BRIDGE, List.of(), Optional.empty(), Optional.empty());
    }

    /** Own namespace attached to these networks, in order, as {@code eth0}, {@code eth1}, ...
     * @param names network names, at least one, no duplicates
     * @return the mode
     * @throws IllegalArgumentException if no name is given, a name is repeated or not a valid network name */
    public static NetworkMode network(String... names) {
        return new NetworkMode(Kind.NETWORK, List.of(Objects.requireNonNull(names, "names")), Optional.empty(),
                Optional.empty());
    }

    /**
     * Share another sandbox's network namespace, like {@code --net container:<id>}. Nothing is attached; the other
     * sandbox stays the owner of the namespace and its attachments.
     *
     * @param other the sandbox to join (a host-mode sandbox means the host's network)
     * @return the mode
     */
    public static NetworkMode container(Sandbox other) {
        return new NetworkMode(Kind.CONTAINER, List.of(), Optional.of(other), Optional.empty());
    }

    /**
     * Share an existing network namespace given by its path (e.g. {@code /var/run/netns/redisnet} or
     * {@code /proc/<pid>/ns/net}). Nothing is attached and the namespace is never removed.
     *
     * @param netNsPath the namespace
     * @return the mode
     */
    public static NetworkMode container(Path netNsPath) {
        return new NetworkMode(Kind.CONTAINER, List.of(), Optional.empty(), Optional.of(netNsPath));
    }

    /**
     * Parses a {@code --net}/{@code --network} value: {@code none}, {@code host}, {@code bridge},
     * {@code container:<netns path>} or one or more network names separated by commas ({@code frontend,backend}).
     *
     * <pre>{@code
     * NetworkMode m = NetworkMode.parse(cliArgs.net());      // "host", "frontend,backend", ...
     * }</pre>
     *
     * @param text the value
     * @return the mode
     * @throws IllegalArgumentException if the value is empty, names an invalid network, or is {@code container:}
     *     with something other than an absolute path (use {@link #container(Sandbox)} for a sandbox)
     */
    public static NetworkMode parse(String text) {
        Objects.requireNonNull(text, "text");
        switch (text) {
            case "none":
                return none();
            case "host":
                return host();
            case "bridge":
                return bridge();
            default:
                break;
        }
        if (text.startsWith("container:")) {
            String target = text.substring("container:".length());
            if (!target.startsWith("/")) {
                throw new IllegalArgumentException("\"" + text + "\": container: needs an absolute network namespace "
                        + "path here; join a Sandbox with NetworkMode.container(sandbox)");
            }
            return container(Path.of(target));
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("network mode must not be empty");
        }
        return network(text.split(",", -1));
    }

    /** Renders the mode as {@code --net} would take it: {@code none}, {@code host}, {@code bridge},
     *  {@code a,b} or {@code container:<id or path>}. */
    @Override
    public String toString() {
        switch (kind) {
            case NETWORK:
                return String.join(",", networks);
            case CONTAINER:
                return "container:" + sandbox.map(Sandbox::containerId)
                        .orElseGet(() -> netNsPath.orElseThrow().toString());
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
