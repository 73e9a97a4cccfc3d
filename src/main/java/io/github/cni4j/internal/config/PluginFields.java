package io.github.cni4j.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.TreeFilter;
import io.github.cni4j.result.Dns;
import java.util.Map;

/**
 * The typed fields of one plugin object, decoded as Go decodes JSON into libcni's {@code types.PluginConf}: keys
 * match the struct's fields exactly or case-insensitively (each matching key assigns, so the last one wins);
 * {@code null} leaves a field unset; a value of the wrong kind is an error naming the field, the kind found and the
 * type expected; every other key is ignored.
 *
 * @param type {@code type}, {@code ""} when unset
 * @param name {@code name}, {@code null} when unset
 * @param cniVersion {@code cniVersion}, {@code ""} when unset
 * @param capabilities {@code capabilities}
 * @param ipamType {@code ipam.type}, {@code null} when unset
 * @param dns the {@code dns} object, {@code null} when absent or {@code null}
 */
public record PluginFields(String type, String name, String cniVersion, Map<String, Boolean> capabilities,
                           String ipamType, Dns dns) {

    /**
     * What {@link #decode} reads of a plugin object, for {@code JsonInput.readPart}: the members that name a field;
     * of {@code ipam} only its {@code type}, of {@code prevResult} only that it is an object.
     */
    public static final TreeFilter FILTER = TreeFilter.members(key -> switch (PluginFieldsDecoder.field(key)) {
        case "" -> null;
        case "ipam" -> TreeFilter.members(k -> "type".equalsIgnoreCase(k) ? TreeFilter.ALL : null);
        case "prevResult" -> TreeFilter.NONE;
        default -> TreeFilter.ALL;
    });

    /**
     * Decodes a plugin object (or {@code null}, which decodes to nothing).
     *
     * @param node the value
     * @param sortedKeys true when Go decodes the object's re-encoded form (a list entry: keys sorted at every
     *        level), which decides the first error reported and which of two case variants of a key wins;
     *        false to follow the document order (bytes decoded as written)
     * @return the fields; {@code type} may be empty (the caller reports {@code missing 'type'})
     * @throws FieldError for a value of the wrong kind, with a pointer relative to {@code node}
     */
    public static PluginFields decode(JsonNode node, boolean sortedKeys) {
        return new PluginFieldsDecoder(sortedKeys).plugin(node);
    }
}
