package io.github.cni4j;

import io.github.cni4j.error.ConfigException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.internal.json.GoJson;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One published port: the {@code portMappings} capability entry that the {@code portmap} plugin turns into DNAT
 * rules, like {@code docker run -p 8080:80} or {@code nerdctl run -p 127.0.0.1:8080:80/udp}.
 *
 * <p>The JSON form uses the CNI convention's names,
 * {@code {"hostPort":8080,"containerPort":80,"protocol":"tcp","hostIP":"10.0.0.1"}} ({@code hostIP} only when set).
 * {@link #fromBytes(byte[])} also reads go-cni's tag-less spelling ({@code HostPort}, {@code ContainerPort}, ...).
 *
 * <pre>{@code
 * Attachment a = cni.attach("web-1", netnsPath)
 *         .portMapping(PortMapping.tcp(8080, 80))
 *         .portMapping(PortMapping.udp(5353, 53).withHostIp("10.88.0.1"))
 *         .execute();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hostPort the host port, 1 to 65535
 * @param containerPort the container port, 1 to 65535
 * @param protocol {@code tcp}, {@code udp} or {@code sctp} (any case; kept in lower case)
 * @param hostIp the host address the mapping is restricted to, if any (an IPv4 or IPv6 address)
 */
public record PortMapping(int hostPort, int containerPort, String protocol, Optional<String> hostIp) {

    private static final String SOURCE = "PortMapping";

    /**
     * Checks and normalizes the components.
     *
     * @param hostPort the host port, 1 to 65535
     * @param containerPort the container port, 1 to 65535
     * @param protocol {@code tcp}, {@code udp} or {@code sctp}, any case
     * @param hostIp the host address, if any
     * @throws IllegalArgumentException for a port outside 1 to 65535, another protocol or a host address that is
     *         not an IP address
     */
    public PortMapping {
        checkPort(hostPort, "hostPort");
        checkPort(containerPort, "containerPort");
        protocol = checkProtocol(Objects.requireNonNull(protocol, "protocol"));
        Objects.requireNonNull(hostIp, "hostIp");
        if (hostIp.isPresent() && !Cidr.isIp(hostIp.get())) {
            throw new IllegalArgumentException("hostIp must be an IPv4 or IPv6 address, not \"" + hostIp.get()
                    + "\"");
        }
    }

    /** A TCP mapping from {@code hostPort} on the host to {@code containerPort} in the container.
     * @param hostPort the host port, 1 to 65535
     * @param containerPort the container port, 1 to 65535
     * @return the mapping
     * @throws IllegalArgumentException if a port is out of range */
    public static PortMapping tcp(int hostPort, int containerPort) {
        return new PortMapping(hostPort, containerPort, "tcp", Optional.empty());
    }

    /** A UDP mapping.
     * @param hostPort the host port, 1 to 65535
     * @param containerPort the container port, 1 to 65535
     * @return the mapping
     * @throws IllegalArgumentException if a port is out of range */
    public static PortMapping udp(int hostPort, int containerPort) {
        return new PortMapping(hostPort, containerPort, "udp", Optional.empty());
    }

    /** A mapping with an explicit protocol.
     * @param hostPort the host port, 1 to 65535
     * @param containerPort the container port, 1 to 65535
     * @param protocol {@code tcp}, {@code udp} or {@code sctp} (any case; stored lower case)
     * @return the mapping
     * @throws IllegalArgumentException if a port is out of range or the protocol is unknown */
    public static PortMapping of(int hostPort, int containerPort, String protocol) {
        return new PortMapping(hostPort, containerPort, Objects.requireNonNull(protocol, "protocol"), Optional.empty());
    }

    /** Returns a copy that binds only to one host address (Docker's {@code -p 10.0.0.1:8080:80}).
     * @param hostIp an IPv4 or IPv6 literal
     * @return the new mapping
     * @throws IllegalArgumentException if {@code hostIp} is not an IP literal */
    public PortMapping withHostIp(String hostIp) {
        Objects.requireNonNull(hostIp, "hostIp");
        return new PortMapping(hostPort, containerPort, protocol, Optional.of(hostIp));
    }

    /**
     * Reads a mapping from its JSON form (convention names, or go-cni's capitalised ones).
     *
     * @param json a JSON object with {@code hostPort}, {@code containerPort}, optional {@code protocol}
     *             (default {@code tcp}) and {@code hostIP}
     * @return the mapping
     * @throws ConfigException naming the field when the JSON is malformed or a value is invalid
     */
    public static PortMapping fromBytes(byte[] json) {
        return fromJson(CapabilityJson.readObject(Objects.requireNonNull(json, "json"), SOURCE), "");
    }

    static PortMapping fromJson(ObjectNode o, String pointer) {
        long host = CapabilityJson.integer(o, "hostPort", SOURCE, pointer)
                .orElseThrow(() -> CapabilityJson.missing(SOURCE, pointer + "/hostPort", "hostPort"));
        long container = CapabilityJson.integer(o, "containerPort", SOURCE, pointer)
                .orElseThrow(() -> CapabilityJson.missing(SOURCE, pointer + "/containerPort", "containerPort"));
        String proto = CapabilityJson.string(o, "protocol", SOURCE, pointer).filter(s -> !s.isEmpty()).orElse("tcp");
        String ip = CapabilityJson.string(o, "hostIP", SOURCE, pointer).orElse("");
        try {
            PortMapping pm = new PortMapping((int) Math.min(host, Integer.MAX_VALUE),
                    (int) Math.min(container, Integer.MAX_VALUE), proto, Optional.empty());
            return ip.isEmpty() ? pm : pm.withHostIp(ip);
        } catch (IllegalArgumentException e) {
            throw CapabilityJson.invalid(SOURCE, pointer, e.getMessage());
        }
    }

    /** {@return the JSON form with the convention's key names, keys sorted, as UTF-8 bytes} */
    public byte[] toBytes() {
        return GoJson.encode(toJson());
    }

    ObjectNode toJson() {
        ObjectNode o = CapabilityJson.object().put("hostPort", hostPort).put("containerPort", containerPort)
                .put("protocol", protocol);
        hostIp.ifPresent(ip -> o.put("hostIP", ip));
        return o;
    }

    private static void checkPort(int port, String field) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + " must be between 1 and 65535, not " + port);
        }
    }

    private static String checkProtocol(String protocol) {
        String p = protocol.toLowerCase(Locale.ROOT);
        if (!p.equals("tcp") && !p.equals("udp") && !p.equals("sctp")) {
            throw new IllegalArgumentException("protocol must be tcp, udp or sctp, not \"" + protocol + "\"");
        }
        return p;
    }

    @Override
    public String toString() {
        return hostIp.map(ip -> (ip.contains(":") ? "[" + ip + "]" : ip) + ":").orElse("")
                + hostPort + ":" + containerPort + "/" + protocol;
    }
}
