package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.config.IpRange;
import io.github.cni4j.result.Route;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.GoJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Turns a {@link NetworkSpec} into the conflist nerdctl would write for it. */
final class NetworkConfs {

    /** Where nerdctl records {@code -o} options; plugins ignore unknown top-level keys. */
    static final String OPTIONS_KEY = "cni4jOptions";

    /** nerdctl's key order, its Go structs' field order, which the typed configs' own order need not follow. */
    private static final List<String> BRIDGE_ORDER = List.of("type", "bridge", "isGateway", "ipMasq", "mtu",
            "hairpinMode", "ipam", "capabilities");
    private static final List<String> LINK_ORDER = List.of("type", "master", "mode", "mtu", "ipam", "capabilities");

    private NetworkConfs() {
    }

    /** ICC on: nerdctl's {@code same-bridge}. ICC off: {@code isolated} where the firewall plugin knows it. */
    static String ingressPolicy(NetworkSpec spec, BooleanSupplier firewallSupportsIsolated) {
        if (spec.icc()) {
            return "same-bridge";
        }
        if (firewallSupportsIsolated.getAsBoolean()) {
            return "isolated";
        }
        System.getLogger(NetworkManager.class.getName()).log(System.Logger.Level.WARNING, "network " + spec.name()
                + ": icc=false needs the firewall plugin v1.7.1 or later (ingressPolicy \"isolated\"); the installed"
                + " one is older, so containers on this bridge can still reach each other (ingressPolicy"
                + " \"same-bridge\")");
        return "same-bridge";
    }

    static String id(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** The plugin binaries the conflist of a spec names, checked before anything is written. */
    static List<String> requiredPlugins(NetworkSpec spec) {
        return switch (spec.driver()) {
            case BRIDGE -> spec.internal() ? List.of("bridge", "firewall", "tuning", "host-local")
                    : List.of("bridge", "portmap", "firewall", "tuning", "host-local");
            case MACVLAN -> List.of("macvlan", "host-local");
            case IPVLAN -> List.of("ipvlan", "host-local");
        };
    }

    /**
     * @param subnets the final subnets (given or allocated)
     * @param ingressPolicy the firewall policy chosen for the installed plugin
     */
    static ConfList conflist(NetworkSpec spec, List<String> subnets, String bridgeName,
                                     Optional<Path> ipamDataDir, String ingressPolicy, Map<String, String> extraLabels) {
        String id = id(spec.name());
        ConfList list = ConfList.builder().cniVersion("1.0.0").name(spec.name())
                .field("nerdctlID", quote(id));
        ObjectNode labels = Fields.MAPPER.createObjectNode();
        spec.labels().forEach(labels::put);
        extraLabels.forEach(labels::put);
        list.field("nerdctlLabels", labels.toString());
        if (!spec.options().isEmpty()) {
            ObjectNode opts = Fields.MAPPER.createObjectNode();
            spec.options().forEach(opts::put);
            list.field(OPTIONS_KEY, opts.toString());
        }
        String ipam = hostLocal(spec, subnets, ipamDataDir);
        switch (spec.driver()) {
            case BRIDGE -> bridgeChain(list, spec, bridgeName, ipam, ingressPolicy);
            case MACVLAN -> list.plugin(linkPlugin(Macvlan.builder(), spec, ipam), LINK_ORDER);
            case IPVLAN -> list.plugin(linkPlugin(Ipvlan.builder(), spec, ipam), LINK_ORDER);
            default -> throw new IllegalStateException("driver " + spec.driver());
        }
        return list;
    }

    private static void bridgeChain(ConfList list, NetworkSpec spec, String bridgeName, String ipam,
                                    String ingressPolicy) {
        Bridge.Builder b = Bridge.builder().bridge(bridgeName).isGateway(!spec.internal())
                .ipMasq(spec.ipMasq() && !spec.internal());
        spec.mtu().filter(m -> m > 0).ifPresent(b::mtu);
        b.hairpinMode(true).field("ipam", ipam);
        if (spec.ipv6()) {
            b.capability("ips", true);
        }
        list.plugin(b.build(), BRIDGE_ORDER);
        if (!spec.internal()) {
            list.plugin(Portmap.builder().build());
        }
        list.plugin(Firewall.builder().ingressPolicy(ingressPolicy).build());
        list.plugin(Tuning.builder().build());
    }

    private static <B extends SpecBuilder<B, T>, T extends PluginSpec> T linkPlugin(B b, NetworkSpec spec,
                                                                                    String ipam) {
        spec.parent().ifPresent(p -> b.field("master", quote(p)));
        spec.mode().ifPresent(m -> b.field("mode", quote(m)));
        spec.mtu().filter(m -> m > 0).ifPresent(m -> b.field("mtu", Integer.toString(m)));
        b.field("ipam", ipam);
        if (spec.ipv6()) {
            b.capability("ips", true);
        }
        return b.build();
    }

    /** The host-local object as JSON text; nerdctl keeps the range it was given next to the derived bounds. */
    private static String hostLocal(NetworkSpec spec, List<String> subnets, Optional<Path> dataDir) {
        HostLocal.Builder h = HostLocal.builder();
        List<Boolean> withIpRange = new java.util.ArrayList<>();
        boolean v4 = false;
        boolean v6 = false;
        for (String s : subnets) {
            Cidr subnet = Cidr.parse("subnet", s);
            v4 |= subnet.isV4();
            v6 |= !subnet.isV4();
            IpRange r = IpRange.of(s);
            Cidr gw = spec.gateway().map(g -> Cidr.ip("gateway", g)).filter(subnet::contains).orElse(null);
            r = r.withGateway(gw != null ? gw.addressText() : subnet.addressAt(BigInteger.ONE));
            Optional<Cidr> range = spec.ipRange().map(x -> Cidr.parse("ipRange", x)).filter(subnet::contains);
            if (range.isPresent()) {
                Cidr c = range.get();
                BigInteger end = c.last();
                if (subnet.isV4() && end.equals(subnet.last())) {
                    end = end.subtract(BigInteger.ONE);   // never hand out the subnet's broadcast address
                }
                r = r.withRangeStart(c.addressAt(BigInteger.ONE)).withRangeEnd(Cidr.format(end, c.address().length));
            }
            h.addRangeSet(r);
            withIpRange.add(range.isPresent());
        }
        if (!spec.internal()) {
            if (v4) {
                h.addRoute(Route.of("0.0.0.0/0"));
            }
            if (v6) {
                h.addRoute(Route.of("::/0"));
            }
        }
        dataDir.ifPresent(h::dataDir);
        ObjectNode tree = h.build().tree().deepCopy();
        for (int i = 0; i < withIpRange.size(); i++) {
            if (withIpRange.get(i)) {
                ((ObjectNode) tree.path("ranges").path(i).path(0)).put("ipRange", spec.ipRange().orElseThrow());
            }
        }
        return Fields.json(tree);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        GoJson.appendString(sb, s);
        return sb.toString();
    }
}
