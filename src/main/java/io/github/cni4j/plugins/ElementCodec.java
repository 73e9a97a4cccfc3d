package io.github.cni4j.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.config.IpRange;
import io.github.cni4j.internal.gojson.GoIp;
import io.github.cni4j.result.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One JSON element of a declared list of values cni4j models: read with its path for messages, and written.
 * @param read the element from JSON and its path
 * @param write the JSON of an element */
record ElementCodec(BiFunction<JsonNode, String, Object> read, Function<Object, JsonNode> write) {

    List<Object> readAll(JsonNode array, String key) {
        List<Object> out = new ArrayList<>();
        array.forEach(n -> out.add(read.apply(n, key + "/" + out.size())));
        return out;
    }

    ArrayNode writeAll(List<?> values) {
        ArrayNode a = Fields.MAPPER.createArrayNode();
        values.forEach(v -> a.add(write.apply(v)));
        return a;
    }

    private static final ElementCodec RANGE = new ElementCodec(ElementCodec::range, v -> {
        IpRange r = (IpRange) v;
        ObjectNode n = Fields.MAPPER.createObjectNode().put("subnet", r.subnet());
        r.rangeStart().ifPresent(x -> n.put("rangeStart", x));
        r.rangeEnd().ifPresent(x -> n.put("rangeEnd", x));
        r.gateway().ifPresent(x -> n.put("gateway", x));
        return n;
    });

    /** The element types declared lists may hold besides strings, by their generic type name. */
    static final Map<String, ElementCodec> CODECS = Map.of(
            Route.class.getName(), new ElementCodec((r, where) -> {
                String dst = r.path("dst").asText();
                return Fields.str(r, "gw").map(gw -> Route.of(dst, gw)).orElseGet(() -> Route.of(dst));
            }, v -> {
                ObjectNode n = Fields.MAPPER.createObjectNode().put("dst", ((Route) v).dst().toString());
                ((Route) v).gw().ifPresent(gw -> n.put("gw", GoIp.format(gw)));
                return n;
            }),
            "java.util.List<" + IpRange.class.getName() + ">", new ElementCodec((set, where) -> {
                if (!set.isArray()) {
                    throw new IllegalArgumentException(where + ": expected a non-empty array of ranges");
                }
                return List.copyOf(RANGE.readAll(set, where));
            }, v -> RANGE.writeAll((List<?>) v)),
            StaticIpam.Address.class.getName(), new ElementCodec((a, where) -> {
                if (!a.path("address").isTextual()) {
                    throw new IllegalArgumentException(where + "/address: expected a CIDR string");
                }
                return new StaticIpam.Address(a.get("address").textValue(), Fields.str(a, "gateway"));
            }, v -> {
                StaticIpam.Address a = (StaticIpam.Address) v;
                ObjectNode n = Fields.MAPPER.createObjectNode().put("address", a.address());
                a.gateway().ifPresent(g -> n.put("gateway", g));
                return n;
            }));

    private static Object range(JsonNode r, String where) {
        if (!r.isObject() || !r.path("subnet").isTextual()) {
            throw new IllegalArgumentException(where + "/subnet: expected a CIDR string");
        }
        try {
            IpRange range = IpRange.of(r.get("subnet").textValue());
            range = Fields.str(r, "rangeStart").map(range::withRangeStart).orElse(range);
            range = Fields.str(r, "rangeEnd").map(range::withRangeEnd).orElse(range);
            return Fields.str(r, "gateway").map(range::withGateway).orElse(range);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "/" + e.getMessage(), e);
        }
    }
}
