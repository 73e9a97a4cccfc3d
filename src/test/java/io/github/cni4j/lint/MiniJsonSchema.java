package io.github.cni4j.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small JSON Schema (draft 2020-12) checker for the keywords cni-config.schema.json uses, for tests only.
 *
 * <p>It refuses schemas with any keyword it does not implement, so the schema cannot silently grow beyond what the
 * tests check. Patterns use Java regex syntax, which agrees with ECMA-262 for the patterns in our schema.
 */
final class MiniJsonSchema {

    /** Keywords that only annotate; they never fail validation. */
    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$comment");
    /** Keywords this checker implements. */
    static final Set<String> ASSERTIONS = Set.of("type", "required", "properties", "additionalProperties", "items",
            "minItems", "contains", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "$ref",
            "$defs", "allOf", "anyOf", "not", "if", "then", "else");

    private final JsonNode root;

    MiniJsonSchema(JsonNode root) {
        this.root = root;
        checkKeywords(root);
    }

    /** @return the errors, each with the instance path; empty when the instance is valid */
    List<String> validate(JsonNode instance) {
        List<String> errors = new ArrayList<>();
        validate(root, instance, "", errors);
        return errors;
    }

    private void checkKeywords(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (!ANNOTATIONS.contains(k) && !ASSERTIONS.contains(k)) {
                throw new IllegalArgumentException("schema keyword not supported by the test checker: " + k);
            }
            if (k.equals("properties") || k.equals("$defs")) {
                e.getValue().forEach(this::checkKeywords);
            } else if (k.equals("allOf") || k.equals("anyOf")) {
                e.getValue().forEach(this::checkKeywords);
            } else if (e.getValue().isObject() && !k.equals("const")) {
                checkKeywords(e.getValue());
            }
        }
    }

    private void validate(JsonNode s, JsonNode v, String path, List<String> errors) {
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalArgumentException("only local $defs references are supported: " + ref);
            }
            validate(root.get("$defs").get(ref.substring("#/$defs/".length())), v, path, errors);
        }
        if (s.has("type") && !hasType(v, s.get("type").asText())) {
            errors.add(path + ": expected " + s.get("type").asText() + ", found " + v.getNodeType());
            return;
        }
        values(s, v, path, errors);
        if (v.isObject()) {
            object(s, v, path, errors);
        }
        if (v.isArray()) {
            array(s, v, path, errors);
        }
        combinators(s, v, path, errors);
    }

    private void values(JsonNode s, JsonNode v, String path, List<String> errors) {
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": " + v + " not in " + s.get("enum"));
            }
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            errors.add(path + ": expected " + s.get("const"));
        }
        if (v.isTextual()) {
            String t = v.asText();
            int len = t.codePointCount(0, t.length());
            if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(t).find()) {
                errors.add(path + ": \"" + t + "\" does not match " + s.get("pattern").asText());
            }
            if (s.has("minLength") && len < s.get("minLength").asInt()) {
                errors.add(path + ": shorter than " + s.get("minLength"));
            }
            if (s.has("maxLength") && len > s.get("maxLength").asInt()) {
                errors.add(path + ": longer than " + s.get("maxLength"));
            }
        }
        if (v.isNumber()) {
            if (s.has("minimum") && v.decimalValue().compareTo(s.get("minimum").decimalValue()) < 0) {
                errors.add(path + ": below " + s.get("minimum"));
            }
            if (s.has("maximum") && v.decimalValue().compareTo(s.get("maximum").decimalValue()) > 0) {
                errors.add(path + ": above " + s.get("maximum"));
            }
        }
    }

    private void object(JsonNode s, JsonNode v, String path, List<String> errors) {
        for (JsonNode r : s.path("required")) {
            if (!v.has(r.asText())) {
                errors.add(path + ": missing required \"" + r.asText() + "\"");
            }
        }
        JsonNode props = s.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path + "/" + e.getKey();
            if (props.has(e.getKey())) {
                validate(props.get(e.getKey()), e.getValue(), child, errors);
            } else if (s.has("additionalProperties")) {
                JsonNode ap = s.get("additionalProperties");
                if (ap.isBoolean() && !ap.asBoolean()) {
                    errors.add(child + ": not allowed");
                } else if (ap.isObject()) {
                    validate(ap, e.getValue(), child, errors);
                }
            }
        }
    }

    private void array(JsonNode s, JsonNode v, String path, List<String> errors) {
        if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
            errors.add(path + ": fewer than " + s.get("minItems") + " items");
        }
        if (s.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                validate(s.get("items"), v.get(i), path + "/" + i, errors);
            }
        }
        if (s.has("contains")) {
            boolean any = false;
            for (JsonNode e : v) {
                any |= isValid(s.get("contains"), e);
            }
            if (!any) {
                errors.add(path + ": no item matches " + s.get("contains"));
            }
        }
    }

    private void combinators(JsonNode s, JsonNode v, String path, List<String> errors) {
        for (JsonNode sub : s.path("allOf")) {
            validate(sub, v, path, errors);
        }
        if (s.has("anyOf")) {
            boolean any = false;
            for (JsonNode sub : s.get("anyOf")) {
                any |= isValid(sub, v);
            }
            if (!any) {
                errors.add(path + ": matches none of anyOf");
            }
        }
        if (s.has("not") && isValid(s.get("not"), v)) {
            errors.add(path + ": must not match " + s.get("not"));
        }
        if (s.has("if")) {
            JsonNode branch = isValid(s.get("if"), v) ? s.get("then") : s.get("else");
            if (branch != null) {
                validate(branch, v, path, errors);
            }
        }
    }

    private boolean isValid(JsonNode s, JsonNode v) {
        List<String> errors = new ArrayList<>();
        validate(s, v, "", errors);
        return errors.isEmpty();
    }

    private static boolean hasType(JsonNode v, String type) {
        switch (type) {
            case "object": return v.isObject();
            case "array": return v.isArray();
            case "string": return v.isTextual();
            case "boolean": return v.isBoolean();
            case "integer": return v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros()
                    .scale() <= 0;
            case "number": return v.isNumber();
            case "null": return v.isNull();
            default: throw new IllegalArgumentException("unknown type " + type);
        }
    }
}
