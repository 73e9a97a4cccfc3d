package io.github.cni4j.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cni4j.internal.gojson.DecodeError;
import io.github.cni4j.internal.gojson.GoErrors;
import io.github.cni4j.internal.gojson.GoFields;
import io.github.cni4j.internal.gojson.GoIp;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes single values with Go's rules and keeps Go's error precedence: a type mismatch is remembered (the first
 * one wins) while decoding goes on; a bad address stops decoding at once.
 */
final class GoDecoder {

    /** The text the tree was read from, if any, to quote numbers in errors as written. */
    private final byte[] source;
    private DecodeError saved;

    GoDecoder(byte[] source) {
        this.source = source;
    }

    /** Throws the first remembered error, if any. */
    void finish() {
        if (saved != null) {
            throw saved;
        }
    }

    List<String> strings(JsonNode v, String ptr, String ctx) {
        List<String> out = new ArrayList<>();
        if (v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            save(GoFields.typeError(GoFields.kind(v), ctx, "[]string"), ptr);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(string(v.get(i), GoFields.child(ptr, i), ctx, ""));
        }
        return out;
    }

    String string(JsonNode v, String ptr, String ctx, String dflt) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (!v.isNull()) {
            save(GoFields.typeError(GoFields.kind(v), ctx, "string"), ptr);
        }
        return dflt;
    }

    void integer(JsonNode v, String ptr, String ctx, Consumer<Integer> sink) {
        if (v.isNull()) {
            return;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            sink.accept(v.intValue());
        } else {
            String what = v.isNumber() ? "number " + GoErrors.numberText(source, ptr, v.asText())
                    : GoFields.kind(v);
            save(GoFields.typeError(what, ctx, "int"), ptr);
        }
    }

    IpPrefix cidr(JsonNode v, String ptr, String ctx) {
        if (!v.isTextual() && !v.isNull()) {
            throw new DecodeError(GoFields.typeError(GoFields.kind(v), ctx, "string"), ptr);
        }
        String text = v.isNull() ? "" : v.textValue();
        try {
            return IpPrefix.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new DecodeError(ex.getMessage(), ptr);
        }
    }

    void requireAddress(boolean present, String field, String ptr) {
        if (!present) {
            // Go would keep an empty address, write it as "<nil>" and fail on reading that back; refuse it now.
            throw new DecodeError("missing field " + field, ptr);
        }
    }

    void ip(JsonNode v, String ptr, String ctx, Consumer<InetAddress> sink) {
        if (v.isNull()) {
            return;
        }
        if (!v.isTextual()) {
            save(GoFields.typeError(GoFields.kind(v), ctx, "net.IP"), ptr);
            return;
        }
        if (v.textValue().isEmpty()) {
            return;
        }
        InetAddress parsed = GoIp.parse(v.textValue());
        if (parsed == null) {
            throw new DecodeError("invalid IP address: " + v.textValue(), ptr);
        }
        sink.accept(parsed);
    }

    void save(String message, String ptr) {
        if (saved == null) {
            saved = new DecodeError(message, ptr);
        }
    }

    /** Starts an entry Go decodes with its own unmarshaller: its errors are its own until it ends. */
    DecodeError enterEntry() {
        DecodeError outer = saved;
        saved = null;
        return outer;
    }

    void leaveEntry(DecodeError outer) {
        if (saved != null) {
            throw saved;
        }
        saved = outer;
    }
}
