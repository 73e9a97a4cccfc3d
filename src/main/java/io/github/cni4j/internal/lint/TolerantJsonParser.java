package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.JsonLexer.Token;
import io.github.cni4j.internal.lint.JsonLexer.Type;
import io.github.cni4j.lint.DiagnosticCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON parser that reports every syntax error and keeps going, building a {@link JsonNode} tree with positions.
 *
 * <p>It uses an explicit stack (no recursion), so nesting depth cannot overflow the Java stack; beyond
 * {@link #MAX_DEPTH} levels it reports once and skips the inner part. Recovery: a missing comma or colon is assumed,
 * a trailing comma is dropped, an unclosed container is closed at the end of input or at an outer closing bracket,
 * and an unreadable value becomes an {@link JsonNode.Kind#ERROR} node. One instance per run.
 */
public final class TolerantJsonParser {

    static final int MAX_DEPTH = 128;

    private enum State { KEY, COLON, VALUE, NEXT }

    /** An open object or array. */
    private static final class Frame {
        final JsonNode node;
        final String pointer;
        State state;
        int commaAt = -1;
        String key;
        int keyStart;
        int keyEnd;
        Map<String, Integer> seen;

        Frame(JsonNode node, String pointer) {
            this.node = node;
            this.pointer = pointer;
            this.state = node.isObject() ? State.KEY : State.VALUE;
        }
    }

    private final LintContext ctx;
    private final JsonLexer lexer;
    private final Deque<Frame> stack = new ArrayDeque<>();

    /** @param ctx the run, whose text is parsed and which receives syntax diagnostics */
    public TolerantJsonParser(LintContext ctx) {
        this.ctx = ctx;
        this.lexer = new JsonLexer(ctx.source().text(), ctx);
    }

    /** @return the document's value, or empty when the text holds no value at all */
    public Optional<JsonNode> parse() {
        Token t = lexer.next();
        if (t.type() == Type.EOF) {
            error(t.start(), t.end(), "empty document; expected a JSON object");
            return Optional.empty();
        }
        while (!t.startsValue() && t.type() != Type.EOF) {
            error(t.start(), t.end(), "unexpected '" + t.text() + "'; expected a JSON object");
            t = lexer.next();
        }
        if (t.type() == Type.EOF) {
            return Optional.empty();
        }
        JsonNode root = startValue(t, "");
        t = lexer.next();
        while (!stack.isEmpty()) {
            if (t.type() == Type.EOF) {
                closeAllAtEnd(t);
                break;
            }
            Frame f = stack.peek();
            if (f.node.isObject() ? objectStep(f, t) : arrayStep(f, t)) {
                t = lexer.next();
            }
        }
        if (t.type() != Type.EOF) {
            error(t.start(), t.end(), "unexpected '" + t.text() + "' after the end of the document");
        }
        return Optional.of(root);
    }

    private boolean objectStep(Frame f, Token t) {
        switch (f.state) {
            case KEY: return objectKey(f, t);
            case COLON:
                if (t.type() == Type.COLON) {
                    f.state = State.VALUE;
                    return true;
                }
                error(f.keyEnd, f.keyEnd, "expected ':' after key \"" + f.key + "\"");
                if (t.startsValue()) {
                    f.state = State.VALUE;
                } else {
                    addMember(f, new JsonNode(JsonNode.Kind.ERROR, f.keyEnd, f.keyEnd, ""));
                    f.state = State.NEXT;
                }
                return false;
            case VALUE:
                if (t.startsValue()) {
                    f.state = State.NEXT;
                    String ptr = f.key == null ? f.pointer : LintContext.child(f.pointer, f.key);
                    JsonNode v = startValue(t, ptr);
                    if (f.key != null) {
                        addMember(f, v);
                    }
                    return true;
                }
                if (t.type() == Type.COLON) {
                    error(t.start(), t.end(), "unexpected ':'; expected a value");
                    return true;
                }
                error(t.start(), t.end(), "expected a value for key \"" + f.key + "\" before '" + t.text() + "'");
                addMember(f, new JsonNode(JsonNode.Kind.ERROR, t.start(), t.start(), ""));
                f.state = State.NEXT;
                return false;
            default: return objectNext(f, t);
        }
    }

    private boolean objectKey(Frame f, Token t) {
        switch (t.type()) {
            case STRING: case WORD: case NUMBER: case LITERAL:
                if (t.type() != Type.STRING) {
                    error(t.start(), t.end(), "object keys must be strings in double quotes: \"" + t.text() + "\"");
                }
                f.key = t.text();
                f.keyStart = t.start();
                f.keyEnd = t.end();
                f.state = State.COLON;
                return true;
            case RBRACE:
                if (f.commaAt >= 0) {
                    error(f.commaAt, f.commaAt + 1, "trailing comma before '}'; JSON allows none");
                }
                return close(f, t);
            case RBRACKET: return mismatch(f, t);
            case LBRACE: case LBRACKET:
                error(t.start(), t.end(), "expected a key in double quotes before '" + t.text() + "'");
                f.key = null;
                f.state = State.VALUE;
                return false;
            default:
                error(t.start(), t.end(), "unexpected '" + t.text() + "'; expected a key in double quotes or '}'");
                return true;
        }
    }

    private boolean objectNext(Frame f, Token t) {
        switch (t.type()) {
            case COMMA:
                f.commaAt = t.start();
                f.state = State.KEY;
                return true;
            case RBRACE: return close(f, t);
            case RBRACKET: return mismatch(f, t);
            case COLON:
                error(t.start(), t.end(), "unexpected ':'; expected ',' or '}'");
                return true;
            case STRING: case WORD:
                error(t.start(), t.start(), "missing ',' before \"" + t.text() + "\"");
                f.state = State.KEY;
                return false;
            default:
                error(t.start(), t.start(), "missing ',' or key before '" + t.text() + "'");
                f.key = null;
                f.state = State.VALUE;
                return false;
        }
    }

    private boolean arrayStep(Frame f, Token t) {
        if (t.startsValue()) {
            if (f.state == State.NEXT) {
                error(t.start(), t.start(), "missing ',' between array elements");
            }
            f.state = State.NEXT;
            f.node.add(startValue(t, LintContext.child(f.pointer, f.node.elements().size())));
            return true;
        }
        switch (t.type()) {
            case COMMA:
                if (f.state == State.VALUE) {
                    error(t.start(), t.end(), "missing value before ','");
                }
                f.commaAt = t.start();
                f.state = State.VALUE;
                return true;
            case RBRACKET:
                if (f.state == State.VALUE && f.commaAt >= 0) {
                    error(f.commaAt, f.commaAt + 1, "trailing comma before ']'; JSON allows none");
                }
                return close(f, t);
            case RBRACE: return mismatch(f, t);
            default:
                error(t.start(), t.end(), "unexpected '" + t.text() + "' in an array");
                return true;
        }
    }

    private void addMember(Frame f, JsonNode value) {
        if (f.seen == null) {
            f.seen = new HashMap<>();
        }
        Integer first = f.seen.putIfAbsent(f.key, f.keyStart);
        if (first != null) {
            SourceText src = ctx.source();
            ctx.report(DiagnosticCode.DUPLICATE_KEY, f.keyStart, f.keyEnd, LintContext.child(f.pointer, f.key),
                    "duplicate key \"" + f.key + "\" (first at line " + src.line(first) + ", column "
                            + src.column(first) + "); only this last value is used", "remove one of the two");
        }
        f.node.add(new JsonNode.Member(f.key, f.keyStart, f.keyEnd, value));
    }

    private JsonNode startValue(Token t, String pointer) {
        switch (t.type()) {
            case STRING: return new JsonNode(JsonNode.Kind.STRING, t.start(), t.end(), t.text());
            case NUMBER: return new JsonNode(JsonNode.Kind.NUMBER, t.start(), t.end(), t.text());
            case LITERAL:
                return new JsonNode(t.text().equals("null") ? JsonNode.Kind.NULL : JsonNode.Kind.BOOLEAN,
                        t.start(), t.end(), t.text());
            case WORD:
                error(t.start(), t.end(), "invalid value '" + t.text()
                        + "'; expected a string in double quotes, a number, true, false or null");
                return new JsonNode(JsonNode.Kind.ERROR, t.start(), t.end(), t.text());
            default:
                if (stack.size() >= MAX_DEPTH) {
                    return skipNested(t, pointer);
                }
                JsonNode n = new JsonNode(t.type() == Type.LBRACE ? JsonNode.Kind.OBJECT : JsonNode.Kind.ARRAY,
                        t.start(), t.end(), "");
                stack.push(new Frame(n, pointer));
                return n;
        }
    }

    private JsonNode skipNested(Token open, String pointer) {
        ctx.report(DiagnosticCode.NESTING_TOO_DEEP, open.start(), open.end(), pointer,
                "nested deeper than " + MAX_DEPTH + " levels; the inner part is not checked", null);
        int depth = 0;
        Token t = open;
        do {
            if (t.type() == Type.LBRACE || t.type() == Type.LBRACKET) {
                depth++;
            } else if (t.type() == Type.RBRACE || t.type() == Type.RBRACKET) {
                depth--;
            }
            if (depth == 0 || t.type() == Type.EOF) {
                break;
            }
            t = lexer.next();
        } while (true);
        return new JsonNode(JsonNode.Kind.ERROR, open.start(), t.end(), "");
    }

    private boolean close(Frame f, Token t) {
        f.node.end(t.end());
        stack.pop();
        return true;
    }

    private boolean mismatch(Frame f, Token t) {
        char want = f.node.isObject() ? '}' : ']';
        Type other = t.type();
        for (Frame outer : stack) {
            if (outer != f && (outer.node.isObject() ? Type.RBRACE : Type.RBRACKET) == other) {
                error(t.start(), t.end(), "expected '" + want + "' before '" + t.text() + "'");
                f.node.end(t.start());
                stack.pop();
                return false;
            }
        }
        error(t.start(), t.end(), "unexpected '" + t.text() + "'; expected '" + want + "'");
        return true;
    }

    private void closeAllAtEnd(Token eof) {
        Frame innermost = stack.peek();
        SourceText src = ctx.source();
        error(eof.start(), eof.end(), "unexpected end of input; expected '" + (innermost.node.isObject() ? '}' : ']')
                + "' to close the " + innermost.node.typeName() + " opened at line "
                + src.line(innermost.node.start()) + ", column " + src.column(innermost.node.start()));
        while (!stack.isEmpty()) {
            stack.pop().node.end(eof.end());
        }
    }

    private void error(int start, int end, String message) {
        ctx.report(DiagnosticCode.JSON_SYNTAX, start, end, "", message, null);
    }
}
