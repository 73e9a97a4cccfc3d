package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recovers the {@link NetworkSpec} a conflist was created from, as far as the file tells it. */
final class SpecReader {

    private SpecReader() {
    }

    static Optional<NetworkSpec> read(NetworkInfo info, JsonNode tree) {
        NetworkSpec.Driver driver;
        try {
            driver = NetworkSpec.Driver.parse(info.driver());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsonNode first = tree.path("plugins").path(0);
        NetworkSpec.Builder b = NetworkSpec.builder(info.name()).driver(driver);
        List<JsonNode> ranges = info.ranges();
        ranges.forEach(r -> b.addSubnet(r.path("subnet").asText()));
        ranges.stream().map(r -> Fields.str(r, "gateway")).flatMap(Optional::stream).findFirst().ifPresent(b::gateway);
        ranges.stream().map(r -> Fields.str(r, "ipRange")).flatMap(Optional::stream).findFirst().ifPresent(b::ipRange);
        if (first.path("mtu").isNumber()) {
            b.mtu(first.get("mtu").asInt());
        }
        b.ipv6(info.subnets().stream().anyMatch(s -> s.contains(":")));
        if (driver == NetworkSpec.Driver.BRIDGE) {
            info.bridge().ifPresent(b::bridgeName);
            boolean internal = !info.plugins().contains("portmap") && !first.path("isGateway").booleanValue();
            b.internal(internal);
            b.ipMasq(first.path("ipMasq").booleanValue() || internal);
            for (JsonNode p : tree.path("plugins")) {
                if ("isolated".equals(p.path("ingressPolicy").asText())) {
                    b.icc(false);
                }
            }
        } else {
            Fields.str(first, "master").ifPresent(b::parent);
            Fields.str(first, "mode").ifPresent(b::mode);
        }
        info.labels().forEach((k, v) -> {
            if (!k.equals("nerdctl/default-network")) {
                b.putLabel(k, v);
            }
        });
        for (Map.Entry<String, String> e : info.options().entrySet()) {
            b.option(e.getKey(), e.getValue());
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
