package io.github.cni4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Generic, Jackson-free reads of a parsed JSON object, shared by the config values. */
final class Fields {

    private Fields() {
    }

    static Optional<String> raw(ObjectNode tree, String key) {
        Objects.requireNonNull(key, "key");
        JsonNode v = tree.get(key);
        return v == null ? Optional.empty() : Optional.of(new String(GoJson.encode(v), StandardCharsets.UTF_8));
    }

    static Set<String> names(ObjectNode tree) {
        Set<String> names = new LinkedHashSet<>();
        Iterator<String> it = tree.fieldNames();
        while (it.hasNext()) {
            names.add(it.next());
        }
        return Collections.unmodifiableSet(names);
    }
}
