package io.github.cni4j;

import io.github.cni4j.config.CniNames;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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
 * <p>Instances are immutable and thread-safe.
 */
public final class NetworkMode {

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

    private static final NetworkMode NONE = new NetworkMode(Kind.NONE, List.of(), null, null);
    private static final NetworkMode HOST = new NetworkMode(Kind.HOST, List.of(), null, null);
    private static final NetworkMode BRIDGE = new NetworkMode(Kind.BRIDGE, List.of(), null, null);

    private final Kind kind;
    private final List<String> networks;
    private final Sandbox sandbox;
    private final Path netNsPath;

    private NetworkMode(Kind kind, List<String> networks, Sandbox sandbox, Path netNsPath) {
        this.kind = kind;
        this.networks = networks;
        this.sandbox = sandbox;
        this.netNsPath = netNsPath;
    }

    /**
     * Own network namespace with only the loopback interface up ({@code --net none}).
     *
     * @return the mode
     */
    public static NetworkMode none() {
        return NONE;
    }

    /**
     * The host's network: no namespace is made and no plugin runs ({@code --net host}).
     *
     * @return the mode
     */
    public static NetworkMode host() {
        return HOST;
    }

    /**
     * Own namespace attached to the {@code Cni}'s default networks: its explicitly configured networks, or its
     * named default network, or the first network(s) of its configuration directory ({@code --net bridge}).
     *
     * @return the mode
     */
    public static NetworkMode bridge() {
        return BRIDGE;
    }

    /**
     * Own namespace attached to these networks, in order, as {@code eth0}, {@code eth1}, ...
     *
     * @param names network names, at least one, no duplicates
     * @return the mode
     * @throws IllegalArgumentException if no name is given, a name is repeated or not a valid network name
     */
    public static NetworkMode network(String... names) {
        Objects.requireNonNull(names, "names");
        if (names.length == 0) {
            throw new IllegalArgumentException("network mode needs at least one network name");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            Objects.requireNonNull(n, "network name");
            if (!CniNames.isValidNetworkName(n)) {
                throw new IllegalArgumentException("invalid network name \"" + n + "\"");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("network \"" + n + "\" is listed twice");
            }
        }
        return new NetworkMode(Kind.NETWORK, List.copyOf(seen), null, null);
    }

    /**
     * Share another sandbox's network namespace, like {@code --net container:<id>}. Nothing is attached; the other
     * sandbox stays the owner of the namespace and its attachments.
     *
     * @param other the sandbox to join (a host-mode sandbox means the host's network)
     * @return the mode
     */
    public static NetworkMode container(Sandbox other) {
        return new NetworkMode(Kind.CONTAINER, List.of(), Objects.requireNonNull(other, "other"), null);
    }

    /**
     * Share an existing network namespace given by its path (e.g. {@code /var/run/netns/redisnet} or
     * {@code /proc/<pid>/ns/net}). Nothing is attached and the namespace is never removed.
     *
     * @param netNsPath the namespace
     * @return the mode
     */
    public static NetworkMode container(Path netNsPath) {
        return new NetworkMode(Kind.CONTAINER, List.of(), null, Objects.requireNonNull(netNsPath, "netNsPath"));
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

    /**
     * Returns the kind of mode.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the network names of a {@link Kind#NETWORK} mode.
     *
     * @return the names in order; empty for other kinds
     */
    public List<String> networks() {
        return networks;
    }

    /**
     * Returns the sandbox a {@link #container(Sandbox)} mode joins.
     *
     * @return the sandbox, empty for other modes
     */
    public Optional<Sandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /**
     * Returns the namespace path a {@link #container(Path)} mode joins.
     *
     * @return the path, empty for other modes
     */
    public Optional<Path> netNsPath() {
        return Optional.ofNullable(netNsPath);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkMode m && m.kind == kind && m.networks.equals(networks) && m.sandbox == sandbox
                && Objects.equals(m.netNsPath, netNsPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, networks, System.identityHashCode(sandbox), netNsPath);
    }

    /** Renders the mode as {@code --net} would take it: {@code none}, {@code host}, {@code bridge},
     *  {@code a,b} or {@code container:<id or path>}. */
    @Override
    public String toString() {
        switch (kind) {
            case NETWORK:
                return String.join(",", networks);
            case CONTAINER:
                return "container:" + (sandbox != null ? sandbox.containerId() : netNsPath.toString());
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
