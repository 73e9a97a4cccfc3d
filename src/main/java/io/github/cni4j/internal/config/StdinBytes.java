package io.github.cni4j.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the exact bytes a plugin reads on stdin, byte for byte as libcni builds them.
 *
 * <p>libcni decodes the plugin's bytes into a map, sets the injected keys and re-encodes it (keys sorted); a
 * {@code prevResult} is a Go struct there and keeps its own field order. When {@code runtimeConfig} is injected, that
 * happens in a second decode/encode round, which sorts everything, {@code prevResult} included. Here the same bytes
 * come from one encoding of the plugin's tree: {@code prevResult} is embedded verbatim, or, for a 0.x result when a
 * {@code runtimeConfig} goes in too, parsed into a tree and so sorted. {@code capabilities} stays, as in libcni.
 *
 * <p>Thread-safe: the plugin's shared tree is only read.
 */
public final class StdinBytes {

    private static final JsonNodeFactory NODES = JsonTrees.NODES;
    /** How {@code Result.toBytes()} starts a 1.x result, which it writes with every key sorted. */
    private static final String SORTED_PREFIX = "{\"cniVersion\":\"1.";

    private StdinBytes() {
    }

    /**
     * Stdin of ADD, CHECK and DEL.
     *
     * @param plugin the plugin
     * @param netName the list's name (injected as {@code name})
     * @param cniVersion the list's version (injected as {@code cniVersion}, even when empty)
     * @param prevResultJson the previous result exactly as {@code Result.toBytes()} gave it, or {@code null} for
     *        none (then a {@code prevResult} written in the config passes through)
     * @param capabilityArgs the runtime's capability arguments (an object node, may be empty)
     * @return the stdin bytes
     */
    public static byte[] forAddCheckDel(PluginConfig plugin, String netName, String cniVersion, byte[] prevResultJson,
                                        JsonNode capabilityArgs) {
        Objects.requireNonNull(capabilityArgs, "capabilityArgs");
        ObjectNode runtimeConfig = runtimeConfig(plugin, capabilityArgs);
        JsonNode prevResult = null;
        if (prevResultJson != null) {
            // A 1.x result's bytes are sorted already, as the runtimeConfig round sorts them: no tree needed.
            String prev = new String(prevResultJson, StandardCharsets.UTF_8);
            prevResult = runtimeConfig == null || prev.startsWith(SORTED_PREFIX)
                    ? new POJONode(new RawValue(prev)) : parse(prev);
        }
        return encode(plugin, netName, cniVersion, "prevResult", prevResult, "runtimeConfig", runtimeConfig);
    }

    /**
     * Stdin of GC: {@code name}, {@code cniVersion} and, when there are GC arguments, the valid attachments under
     * both {@code cni.dev/valid-attachments} and {@code cni.dev/attachments} (libcni writes both).
     *
     * @param plugin the plugin
     * @param netName the list's name
     * @param cniVersion the list's version
     * @param validAttachments {@code null} for no GC arguments; otherwise an array of
     *        {@code {"containerID":…,"ifname":…}} objects, or a JSON null node for an absent list
     * @return the stdin bytes
     */
    public static byte[] forGc(PluginConfig plugin, String netName, String cniVersion, JsonNode validAttachments) {
        return encode(plugin, netName, cniVersion, "cni.dev/valid-attachments", validAttachments,
                "cni.dev/attachments", validAttachments);
    }

    /**
     * Stdin of STATUS: only {@code name} and {@code cniVersion} are injected.
     *
     * @param plugin the plugin
     * @param netName the list's name
     * @param cniVersion the list's version
     * @return the stdin bytes
     */
    public static byte[] forStatus(PluginConfig plugin, String netName, String cniVersion) {
        return encode(plugin, netName, cniVersion, "", null, "", null);
    }

    /** The plugin's config with {@code name}, {@code cniVersion} and up to two more members set (null: not set). */
    private static byte[] encode(PluginConfig plugin, String netName, String cniVersion, String key1, JsonNode value1,
                                 String key2, JsonNode value2) {
        Objects.requireNonNull(netName, "netName");
        Objects.requireNonNull(cniVersion, "cniVersion");
        return GoJson.encodeWith(ConfigAccess.tree(plugin), new String[] {"name", "cniVersion", key1, key2},
                new JsonNode[] {NODES.textNode(netName), NODES.textNode(cniVersion), value1, value2});
    }

    /** The capabilities the plugin enables and the runtime supplies; {@code null} when there are none. */
    private static ObjectNode runtimeConfig(PluginConfig plugin, JsonNode capabilityArgs) {
        ObjectNode rc = null;
        for (Map.Entry<String, Boolean> cap : plugin.capabilities().entrySet()) {
            JsonNode value = cap.getValue() ? capabilityArgs.get(cap.getKey()) : null;
            if (value != null) {
                if (rc == null) {
                    rc = NODES.objectNode();
                }
                rc.set(cap.getKey(), value);
            }
        }
        return rc;
    }

    private static JsonNode parse(String json) {
        try {
            return JsonTrees.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("prevResultJson is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("prevResultJson is not JSON: " + e.getMessage(), e);
        }
    }
}
