package io.github.cni4j.internal.value;

import io.github.cni4j.internal.json.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code CNI_ARGS} pairs and capability arguments that {@code RuntimeConf} and {@code CachedAttachment} both
 * carry, as their {@code @Value.Check} leaves them: JDK {@link Map#entry} pairs (a caller's mutable entry is
 * copied) and deep-frozen JSON-able capability values, so a built value shares nothing mutable with its caller.
 */
public final class AttachmentArgs {

    private static final Class<?> PLAIN_ENTRY = Map.entry("", "").getClass();

    private AttachmentArgs() {
    }

    /**
     * {@return whether the pairs are JDK entries and the capability values frozen, so the value needs no copy}
     *
     * @param pairs the {@code CNI_ARGS} pairs
     * @param capabilityArgs the capability arguments
     */
    public static boolean areNormalized(List<Map.Entry<String, String>> pairs, Map<String, Object> capabilityArgs) {
        return pairs.stream().allMatch(e -> e.getClass() == PLAIN_ENTRY)
                && capabilityArgs.values().stream().allMatch(JsonValues::isFrozen);
    }

    /**
     * {@return the pairs as JDK entries, in order}
     *
     * @param pairs the {@code CNI_ARGS} pairs
     */
    public static List<Map.Entry<String, String>> plainPairs(List<Map.Entry<String, String>> pairs) {
        return pairs.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    /**
     * {@return the capability arguments with every value frozen, in order}
     *
     * @param capabilityArgs the capability arguments
     * @throws IllegalArgumentException for a value JSON cannot hold
     */
    public static Map<String, Object> frozen(Map<String, Object> capabilityArgs) {
        Map<String, Object> caps = new LinkedHashMap<>();
        capabilityArgs.forEach((k, v) -> caps.put(k, freeze(k, v)));
        return caps;
    }

    /**
     * {@return one capability value, deeply unmodifiable}
     *
     * @param capability the capability name (for the error message)
     * @param value a JSON-able value
     * @throws IllegalArgumentException for a value JSON cannot hold
     */
    public static Object freeze(String capability, Object value) {
        return JsonValues.freeze(value, "capabilityArgs." + capability);
    }
}
