package io.github.cni4j.internal.config;

import io.github.cni4j.error.CniException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import io.github.cni4j.internal.json.TreeFilter;
import io.github.cni4j.version.CniVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The list-level fields of a {@code .conflist}, checked in libcni's order with libcni's messages (without the
 * {@code error parsing configuration list: } prefix, which the caller adds).
 *
 * @param name {@code name}
 * @param cniVersion the effective version: the highest supported one of {@code cniVersion} and {@code cniVersions},
 *        or {@code cniVersion} as written ({@code ""} when absent)
 * @param cniVersions {@code cniVersions} as written
 * @param disableCheck {@code disableCheck}
 * @param disableGC {@code disableGC}
 * @param loadOnlyInlinedPlugins {@code loadOnlyInlinedPlugins}
 * @param plugins the {@code plugins} array as decoded (of a document read with {@link #FILTER}, only the parts the
 *        decoders read), {@code null} when the key is absent
 */
public record ListFields(String name, String cniVersion, List<String> cniVersions, boolean disableCheck,
                         boolean disableGC, boolean loadOnlyInlinedPlugins, JsonNode plugins) {

    /**
     * What {@link #decode} and the plugins' {@link PluginFields#decode} read of a list document, for
     * {@code JsonInput.readPart}: the list-level fields, and of each plugin its {@link PluginFields#FILTER} part.
     */
    public static final TreeFilter FILTER = TreeFilter.members(key -> switch (key) {
        case "plugins" -> TreeFilter.elements(PluginFields.FILTER);
        case "name", "cniVersion", "cniVersions", "disableCheck", "disableGC", "loadOnlyInlinedPlugins" ->
                TreeFilter.ALL;
        default -> null;
    });

    /**
     * Decodes and checks a list document.
     *
     * @param doc the whole document
     * @return the fields
     * @throws FieldError with libcni's message and the pointer of the bad value
     */
    public static ListFields decode(JsonNode doc) {
        if (!doc.isObject() && !doc.isNull()) {
            throw new FieldError("json: cannot unmarshal " + JsonInput.kind(doc)
                    + " into Go value of type map[string]interface {}", "");
        }
        JsonNode rawName = doc.get("name");
        if (rawName == null) {
            throw new FieldError("no name", "");
        }
        if (!rawName.isTextual()) {
            throw new FieldError("invalid name type " + JsonInput.goType(rawName), "/name");
        }
        String cniVersion = "";
        JsonNode rawVersion = doc.get("cniVersion");
        if (rawVersion != null) {
            if (!rawVersion.isTextual()) {
                throw new FieldError("invalid cniVersion type " + JsonInput.goType(rawVersion), "/cniVersion");
            }
            cniVersion = rawVersion.textValue();
        }
        List<String> versions = List.of();
        JsonNode rawVersions = doc.get("cniVersions");
        if (rawVersions != null) {
            versions = versions(rawVersions);
            cniVersion = pick(versions, cniVersion);
        }
        boolean disableCheck = bool(doc, "disableCheck");
        boolean disableGC = bool(doc, "disableGC");
        boolean inlinedOnly = bool(doc, "loadOnlyInlinedPlugins");
        JsonNode plugins = doc.get("plugins");
        if (plugins == null) {
            if (inlinedOnly) {
                throw new FieldError("`loadOnlyInlinedPlugins` is true, and no 'plugins' key", "");
            }
        } else if (!plugins.isArray()) {
            throw new FieldError("invalid 'plugins' type " + JsonInput.goType(plugins), "/plugins");
        } else if (plugins.isEmpty()) {
            throw new FieldError("no plugins in list", "/plugins");
        }
        return new ListFields(rawName.textValue(), cniVersion, versions, disableCheck, disableGC, inlinedOnly,
                plugins);
    }

    private static List<String> versions(JsonNode raw) {
        if (!raw.isArray()) {
            // libcni prints the type of the failed conversion's zero value, so the text is always this one.
            throw new FieldError("invalid type for cniVersions: []interface {}", "/cniVersions");
        }
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            JsonNode v = raw.get(i);
            if (!v.isTextual()) {
                throw new FieldError("invalid type for cniVersions index " + i + ": " + JsonInput.goType(v),
                        JsonPointers.child("/cniVersions", i));
            }
            out.add(v.textValue());
        }
        return List.copyOf(out);
    }

    /** The highest of cniVersion and cniVersions that is not newer than what cni4j implements. */
    private static String pick(List<String> versions, String cniVersion) {
        String best = null;
        CniVersion bestVersion = null;
        for (int i = 0; i < versions.size(); i++) {
            String v = versions.get(i);
            CniVersion parsed;
            try {
                parsed = CniVersion.parse(v);
            } catch (CniException e) {
                throw new FieldError("invalid cniVersions entry " + v + " at index " + i + ": " + e.getMessage(),
                        JsonPointers.child("/cniVersions", i));
            }
            if (!parsed.isAtLeast(CniVersion.current()) || parsed.equals(CniVersion.current())) {
                if (bestVersion == null || parsed.compareTo(bestVersion) > 0) {
                    best = v;
                    bestVersion = parsed;
                }
            }
        }
        if (!cniVersion.isEmpty()) {
            CniVersion parsed;
            try {
                parsed = CniVersion.parse(cniVersion);
            } catch (CniException e) {
                throw new FieldError("invalid cniVersion " + cniVersion + ": " + e.getMessage(), "/cniVersion");
            }
            if (parsed.compareTo(CniVersion.current()) <= 0
                    && (bestVersion == null || parsed.compareTo(bestVersion) > 0)) {
                best = cniVersion;
            }
        }
        return best == null ? cniVersion : best;
    }

    private static boolean bool(JsonNode doc, String key) {
        JsonNode v = doc.get(key);
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (!v.isTextual()) {
            throw new FieldError("invalid type " + JsonInput.goType(v) + " for " + key, "/" + key);
        }
        String s = v.textValue().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new FieldError("invalid value " + GoQuote.quote(s) + " for " + key, "/" + key);
        };
    }
}
