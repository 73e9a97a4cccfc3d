package io.github.cni4j;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.facade.AttachFlow;
import io.github.cni4j.internal.facade.CniArgs;
import io.github.cni4j.internal.facade.Engine;
import io.github.cni4j.internal.facade.Planner;
import io.github.cni4j.internal.facade.RequestArgs;
import io.github.cni4j.internal.json.JsonValues;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.result.Dns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One attach call being put together: go-cni's per-call {@code NamespaceOpts}, typed, ending in
 * {@link #execute()}. Get one from {@link Cni#attach} or {@link Cni#connect}.
 *
 * <p>Capability arguments reach only the plugins that enable the capability ({@code "capabilities":
 * {"portMappings": true}}), as in libcni. Labels and args become CNI_ARGS in the order added, after
 * {@code IgnoreUnknown=1} so plugins that do not know a key still run. Every setter records; the container ID,
 * interface names and network names are validated by the invoker at ADD, as libcni does.
 *
 * <pre>{@code
 * Attachment a = cni.attach("web-1", Path.of("/var/run/netns/web-1"))
 *         .portMapping(PortMapping.tcp(8080, 80))
 *         .bandwidth(BandwidthLimit.ingress(10_000_000, 1_000_000))
 *         .ips("frontend", List.of("10.88.0.10/16"))     // docker run --ip, for one network
 *         .label("io.kubernetes.pod.name", "web-1")
 *         .execute();
 * }</pre>
 *
 * <p>Not thread-safe: build and execute a request on one thread. {@link #execute()} may be called once.
 */
public final class AttachRequest {

    private final Engine engine;
    private final Planner.Target target;
    private final List<String> networks;
    private final Path netNs;
    private final Consumer<List<AttachFlow.Added>> onAdded;
    /** The shared parameters; CNI_ARGS and capability arguments are added from the fields below at execute. */
    private final RuntimeConf.Builder conf;
    private final CniArgs args = new CniArgs();
    private final Map<String, Object> capabilities = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> ownCapabilities = new LinkedHashMap<>();
    private final Map<String, String> ownIfNames = new LinkedHashMap<>();
    private boolean executed;

    AttachRequest(Engine engine, Planner.Target target, List<String> networks, String containerId, Path netNs,
                  Consumer<List<AttachFlow.Added>> onAdded) {
        this.engine = engine;
        this.target = target;
        this.networks = List.copyOf(networks);
        this.netNs = netNs;
        this.onAdded = onAdded;
        this.conf = RuntimeConf.builder().containerId(containerId).netNs(netNs.toString());
    }

    /**
     * Sets the interface name of a request for exactly one network (besides loopback), e.g. a {@code connect}.
     * Default: the next {@code <prefix><n>}.
     * @param ifName the interface name inside the container
     * @return this request
     */
    public AttachRequest ifName(String ifName) {
        conf.ifName(Objects.requireNonNull(ifName, "ifName"));
        return this;
    }

    /**
     * Sets the interface name of one network of the request.
     * @param network the network name
     * @param ifName the interface name inside the container
     * @return this request
     */
    public AttachRequest ifName(String network, String ifName) {
        ownIfNames.put(Objects.requireNonNull(network, "network"), Objects.requireNonNull(ifName, "ifName"));
        return this;
    }

    /**
     * Publishes a port (capability {@code portMappings}); may be called repeatedly. A mapping without host IP
     * binds to {@link Cni.Builder#defaultHostIp(String)} when one is configured.
     * @param mapping the mapping
     * @return this request
     */
    public AttachRequest portMapping(PortMapping mapping) {
        RequestArgs.append(capabilities, "portMappings",
                JsonValues.fromTree(Objects.requireNonNull(mapping, "mapping").toJson()));
        return this;
    }

    /**
     * Publishes several ports.
     * @param mappings the mappings
     * @return this request
     */
    public AttachRequest portMappings(Collection<PortMapping> mappings) {
        Objects.requireNonNull(mappings, "mappings").forEach(this::portMapping);
        return this;
    }

    /**
     * Shapes traffic (capability {@code bandwidth}).
     * @param bandwidth the limits
     * @return this request
     */
    public AttachRequest bandwidth(BandwidthLimit bandwidth) {
        capabilities.put("bandwidth", JsonValues.fromTree(Objects.requireNonNull(bandwidth, "bandwidth").toJson()));
        return this;
    }

    /**
     * Asks for one more address from the first of these pools with room (capability {@code ipRanges}; each call
     * adds one inner list of the convention's list of lists).
     * @param pool one or more ranges
     * @return this request
     * @throws IllegalArgumentException if no range is given
     */
    public AttachRequest ipRanges(IpRange... pool) {
        if (Objects.requireNonNull(pool, "pool").length == 0) {
            throw new IllegalArgumentException("ipRanges needs at least one range");
        }
        List<Object> inner = new ArrayList<>();
        for (IpRange r : pool) {
            inner.add(RequestArgs.json(Objects.requireNonNull(r, "range").toBytes(), "IpRange"));
        }
        RequestArgs.append(capabilities, "ipRanges", inner);
        return this;
    }

    /**
     * Passes DNS settings (capability {@code dns}, go-cni's form: servers, searches, options; no domain).
     * @param dns the settings
     * @return this request
     */
    public AttachRequest dns(Dns dns) {
        capabilities.put("dns", RequestArgs.json(Objects.requireNonNull(dns, "dns").toCapabilityBytes(), "Dns"));
        return this;
    }

    /**
     * Requests a MAC address for every network of the request (capability {@code mac}).
     * @param mac e.g. {@code c2:11:22:33:44:55}
     * @return this request
     * @throws IllegalArgumentException if it is not six colon-separated hex bytes
     */
    public AttachRequest mac(String mac) {
        capabilities.put("mac", RequestArgs.checkMac(mac));
        return this;
    }

    /**
     * Requests a MAC address for one network.
     * @param network the network name
     * @param mac e.g. {@code c2:11:22:33:44:55}
     * @return this request
     * @throws IllegalArgumentException if it is not six colon-separated hex bytes
     */
    public AttachRequest mac(String network, String mac) {
        own(network).put("mac", RequestArgs.checkMac(mac));
        return this;
    }

    /**
     * Requests static addresses for every network (capability {@code ips}, {@code docker run --ip}); the IPAM
     * plugin must support it (host-local does when the main plugin enables {@code ips}).
     * @param ips addresses or CIDRs, e.g. {@code 10.88.0.10/16}
     * @return this request
     * @throws IllegalArgumentException if an entry is not an IP address or CIDR
     */
    public AttachRequest ips(String... ips) {
        capabilities.put("ips", RequestArgs.checkIps(List.of(Objects.requireNonNull(ips, "ips"))));
        return this;
    }

    /**
     * Requests static addresses for one network only.
     * @param network the network name
     * @param ips addresses or CIDRs
     * @return this request
     * @throws IllegalArgumentException if an entry is not an IP address or CIDR
     */
    public AttachRequest ips(String network, List<String> ips) {
        own(network).put("ips", RequestArgs.checkIps(Objects.requireNonNull(ips, "ips")));
        return this;
    }

    /**
     * Passes the container's cgroup path (capability {@code cgroupPath}).
     * @param cgroupPath the path
     * @return this request
     */
    public AttachRequest cgroupPath(String cgroupPath) {
        capabilities.put("cgroupPath", Objects.requireNonNull(cgroupPath, "cgroupPath"));
        return this;
    }

    /**
     * Passes any capability argument as JSON (e.g. {@code aliases}, {@code deviceID}); JSON {@code null} removes it.
     * @param name the capability name
     * @param json its value as JSON text, e.g. {@code ["db","db.local"]}
     * @return this request
     * @throws ConfigException if {@code json} is not JSON
     */
    public AttachRequest capability(String name, String json) {
        Object value = RequestArgs.json(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8),
                "capability " + Objects.requireNonNull(name, "name"));
        if (value == null) {
            capabilities.remove(name);
        } else {
            capabilities.put(name, value);
        }
        return this;
    }

    /**
     * Adds a label; labels travel in CNI_ARGS like go-cni's {@code WithLabels}.
     * @param key the key: not empty, without {@code ;}, {@code =}, NUL or line breaks
     * @param value the value: without {@code ;}, {@code =}, NUL or line breaks
     * @return this request
     * @throws IllegalArgumentException if CNI_ARGS cannot carry the key or value
     */
    public AttachRequest label(String key, String value) {
        args.put(key, value);
        return this;
    }

    /**
     * Adds several labels, in the map's iteration order.
     * @param labels the labels
     * @return this request
     * @throws IllegalArgumentException if CNI_ARGS cannot carry a key or value
     */
    public AttachRequest labels(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels").forEach(this::label);
        return this;
    }

    /**
     * Adds a raw CNI_ARGS pair, e.g. {@code K8S_POD_NAME}. CNI_ARGS has no escaping, and Go plugins reject a pair
     * holding {@code ;} or {@code =} ({@code ARGS: invalid pair}), so neither is accepted.
     * @param key the key: not empty, without {@code ;}, {@code =}, NUL or line breaks
     * @param value the value: without {@code ;}, {@code =}, NUL or line breaks
     * @return this request
     * @throws IllegalArgumentException if CNI_ARGS cannot carry the key or value
     */
    public AttachRequest arg(String key, String value) {
        args.put(key, value);
        return this;
    }

    /**
     * Attaches the request's networks in order, all or nothing: if one fails, it and those already added are
     * deleted again before the error is raised. The error keeps its type and CNI code; its message names the
     * network and plugin and what the rollback did (rollback failures are suppressed exceptions of it).
     * @return the attachment
     * @throws ConfigException if a name is invalid, a network is unknown or too few networks are configured
     * @throws PluginException if a plugin fails (other {@link CniException}s for other failures)
     * @throws IllegalStateException if called twice, or if the container already has one of the networks or
     *     interfaces (per the result cache; the spec forbids a second ADD without a DEL)
     * @throws IllegalArgumentException if per-network options name networks outside the request
     */
    public Attachment execute() {
        if (executed) {
            throw new IllegalStateException("this AttachRequest was executed already");
        }
        executed = true;
        RuntimeConf base = conf.args(args.toPairs()).capabilityArgs(capabilities).build();
        List<AttachFlow.Added> added = engine.attach(target, networks, base,
                RequestArgs.perNetwork(ownIfNames, ownCapabilities), AttachmentViews.validator());
        onAdded.accept(added);
        return Attachment.of(base.containerId(), netNs, added);
    }

    private Map<String, Object> own(String network) {
        return ownCapabilities.computeIfAbsent(Objects.requireNonNull(network, "network"), n -> new LinkedHashMap<>());
    }
}
