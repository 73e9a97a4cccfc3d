package io.github.cni4j.internal.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value read by {@link TolerantJsonParser}, with the character range it came from.
 *
 * <p>Unlike a Jackson tree this keeps every member of an object, duplicates included, in document order, and an
 * {@link Kind#ERROR} node stands where a value could not be read. Built by one parser thread, then only read.
 */
public final class JsonNode {

    /** What kind of JSON value this is. */
    public enum Kind {
        /** An object. */ OBJECT,
        /** An array. */ ARRAY,
        /** A string. */ STRING,
        /** A number. */ NUMBER,
        /** {@code true} or {@code false}. */ BOOLEAN,
        /** {@code null}. */ NULL,
        /** A value that could not be read. */ ERROR
    }

    /**
     * One member of an object.
     *
     * @param key the decoded key
     * @param keyStart offset of the key's opening quote
     * @param keyEnd offset after the key's closing quote
     * @param value the value (an {@link Kind#ERROR} node when it is missing)
     */
    public record Member(String key, int keyStart, int keyEnd, JsonNode value) {
    }

    private final Kind kind;
    private final int start;
    private int end;
    private final String text;
    private final List<Member> members;
    private final List<JsonNode> elements;

    JsonNode(Kind kind, int start, int end, String text) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.text = text;
        this.members = kind == Kind.OBJECT ? new ArrayList<>() : Collections.emptyList();
        this.elements = kind == Kind.ARRAY ? new ArrayList<>() : Collections.emptyList();
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the offset of the first character */
    public int start() {
        return start;
    }

    /** @return the offset after the last character */
    public int end() {
        return end;
    }

    void end(int newEnd) {
        this.end = newEnd;
    }

    /** @return the decoded string, the number's text, {@code true}/{@code false}/{@code null}, or "" */
    public String text() {
        return text;
    }

    /** @return the members of an object in document order (empty for other kinds) */
    public List<Member> members() {
        return members;
    }

    /** @return the elements of an array (empty for other kinds) */
    public List<JsonNode> elements() {
        return elements;
    }

    void add(Member m) {
        members.add(m);
    }

    void add(JsonNode n) {
        elements.add(n);
    }

    /** @return whether this is an object */
    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    /** @return whether this is an array */
    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    /** @return whether this is a string */
    public boolean isString() {
        return kind == Kind.STRING;
    }

    /** {@return the member that wins as in Go's decoder: the last one with that key, if present} */
    public Optional<Member> member(String key) {
        for (int i = members.size() - 1; i >= 0; i--) {
            if (members.get(i).key().equals(key)) {
                return Optional.of(members.get(i));
            }
        }
        return Optional.empty();
    }

    /** {@return the winning value for the key, if present} */
    public Optional<JsonNode> get(String key) {
        Optional<Member> m = member(key);
        return m.isPresent() ? Optional.of(m.get().value()) : Optional.empty();
    }

    /** {@return the winning value for the key if it has that kind} */
    public Optional<JsonNode> get(String key, Kind kind) {
        Optional<JsonNode> v = get(key);
        return v.isPresent() && v.get().kind == kind ? v : Optional.empty();
    }

    /** {@return the winning value for the key if it is a string} */
    public Optional<String> string(String key) {
        Optional<JsonNode> v = get(key, Kind.STRING);
        return v.isPresent() ? Optional.of(v.get().text) : Optional.empty();
    }

    /** @return a name for the kind as users know it from JSON */
    public String typeName() {
        switch (kind) {
            case OBJECT: return "object";
            case ARRAY: return "array";
            case STRING: return "string";
            case NUMBER: return "number";
            case BOOLEAN: return "boolean";
            case NULL: return "null";
            default: return "invalid value";
        }
    }
}
