package io.github.cni4j;

import io.github.cni4j.internal.facade.AttachFlow;
import io.github.cni4j.result.Dns;
import io.github.cni4j.result.IpConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an attach made: one {@link AttachedNetwork} per network (with its full result), and go-cni's per-interface
 * view of the container's interfaces, keyed by name.
 *
 * <p>Unlike go-cni's aggregation, IPs are checked to point at an interface that exists ({@code 0 <= index <
 * number of interfaces}; a result that breaks this fails the attach and is rolled back), an IP without an
 * interface index belongs to the network's own interface (not always {@code eth0}), and a name reported by two
 * networks fails the attach instead of silently replacing the first.
 *
 * <pre>{@code
 * Attachment a = cni.attach("web-1", netns).execute();
 * AttachedInterface eth0 = a.interfaces().get("eth0");
 * InetAddress ip = eth0.ips().get(0).address().address();
 * List<Dns> dns = a.dns();                                  // from the networks that reported DNS
 * Result bridgeResult = a.network("bridge").orElseThrow().result();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Attachment {

    private final String containerId;
    private final Path netNsPath;
    private final List<AttachedNetwork> networks;
    private final Map<String, AttachedInterface> interfaces;

    private Attachment(String containerId, Path netNsPath, List<AttachedNetwork> networks) {
        this.containerId = containerId;
        this.netNsPath = netNsPath;
        this.networks = List.copyOf(networks);
        Map<String, AttachedInterface> byName = new LinkedHashMap<>();
        for (AttachedNetwork n : networks) {
            for (AttachedInterface i : n.interfaces()) {
                byName.putIfAbsent(i.name(), i);
            }
        }
        this.interfaces = Collections.unmodifiableMap(byName);
    }

    static Attachment of(String containerId, Path netNsPath, List<AttachFlow.Added> added) {
        List<AttachedNetwork> nets = new ArrayList<>();
        for (AttachFlow.Added a : added) {
            nets.add(new AttachedNetwork(a.step().net(), a.step().ifName(), a.result(),
                    AttachmentViews.interfaces(a.step(), a.result())));
        }
        return new Attachment(containerId, netNsPath, nets);
    }

    /** This attachment followed by the networks of {@code more} (a {@code connect} of the same container). */
    Attachment plus(Attachment more) {
        List<AttachedNetwork> nets = new ArrayList<>(networks);
        nets.addAll(more.networks);
        return new Attachment(containerId, netNsPath, nets);
    }

    /** This attachment without the network named {@code name} (a {@code disconnect}). */
    Attachment without(String name) {
        return new Attachment(containerId, netNsPath,
                networks.stream().filter(n -> !n.name().equals(name)).toList());
    }

    static Attachment empty(String containerId, Path netNsPath) {
        return new Attachment(containerId, netNsPath, List.of());
    }

    /** {@return the container ID} */
    public String containerId() {
        return containerId;
    }

    /** {@return the namespace path the networks were attached in, an empty path in host mode} */
    public Path netNsPath() {
        return netNsPath;
    }

    /** {@return the attached networks in attach order (loopback first when it was attached); unmodifiable} */
    public List<AttachedNetwork> networks() {
        return networks;
    }

    /** Finds an attached network by name.
     * @param name the network name
     * @return the network, if attached */
    public Optional<AttachedNetwork> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** {@return the container-side interfaces by name, in attach order ({@code lo}, {@code eth0}, ...); read-only} */
    public Map<String, AttachedInterface> interfaces() {
        return interfaces;
    }

    /** {@return every address of the container's interfaces, in attach order; unmodifiable} */
    public List<IpConfig> ips() {
        List<IpConfig> out = new ArrayList<>();
        interfaces.values().forEach(i -> out.addAll(i.ips()));
        return List.copyOf(out);
    }

    /** {@return the DNS settings the networks reported, one per network that reported any, in attach order} */
    public List<Dns> dns() {
        List<Dns> out = new ArrayList<>();
        networks.forEach(n -> n.result().dns().ifPresent(out::add));
        return List.copyOf(out);
    }

    /** {@return whether nothing is attached (host mode, {@code container} mode with a path, or no networks)} */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public String toString() {
        return "Attachment[" + containerId + ", " + networks + "]";
    }
}
