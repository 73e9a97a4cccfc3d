package io.github.cni4j.internal.gojson;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.json.JsonInput;
import io.github.cni4j.internal.json.JsonPointers;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Field access with Go's {@code encoding/json} rules for struct fields: keys match case-insensitively, keys are
 * decoded in document order and the last key matching a field wins; plus the JSON type names Go uses in its
 * error messages.
 */
public final class GoFields {

    private GoFields() {
    }

    /** Returns the entry Go would decode into the struct field {@code name}, or {@code null} when absent. */
    public static Map.Entry<String, JsonNode> find(JsonNode object, String name) {
        Map.Entry<String, JsonNode> found = null;
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e;
            }
        }
        return found;
    }

    /**
     * Calls {@code action} with (field name, entry) for each struct field present in {@code object}, in the
     * document order of the entries that win.
     */
    public static void visit(JsonNode object, List<String> fields, BiConsumer<String, Map.Entry<String, JsonNode>> action) {
        // One walk notes, per field, the last matching entry; a second calls back the winners in document order.
        // Objects of a result are small, so index arrays beat a map (this runs for every object of every result).
        int n = object.size();
        if (n == 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonNode>[] entries = new Map.Entry[n];
        int[] fieldOf = new int[n];
        int[] winner = new int[fields.size()];
        Arrays.fill(winner, -1);
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        for (int i = 0; it.hasNext(); i++) {
            entries[i] = it.next();
            fieldOf[i] = -1;
            for (int f = 0; f < winner.length; f++) {
                if (entries[i].getKey().equalsIgnoreCase(fields.get(f))) {
                    fieldOf[i] = f;
                    winner[f] = i;
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (fieldOf[i] >= 0 && winner[fieldOf[i]] == i) {
                action.accept(fields.get(fieldOf[i]), entries[i]);
            }
        }
    }

    /** {@return Go's name for the JSON kind of a value in "cannot unmarshal X" messages} */
    public static String kind(JsonNode node) {
        return JsonInput.kind(node);
    }

    /** The message of Go's {@code UnmarshalTypeError} with struct context. */
    public static String typeError(String value, String context, String goType) {
        return "json: cannot unmarshal " + value + " into Go struct field " + context + " of type " + goType;
    }

    /** {@return the pointer with an escaped RFC 6901 token appended} */
    public static String child(String pointer, String token) {
        return JsonPointers.child(pointer, token);
    }

    /** {@return the pointer with an array index appended} */
    public static String child(String pointer, int index) {
        return JsonPointers.child(pointer, index);
    }
}
