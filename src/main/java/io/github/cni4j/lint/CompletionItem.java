package io.github.cni4j.lint;

import java.util.Objects;

/**
 * One suggestion of {@link EditorServices#completion}: a field name, a plugin type or a value.
 *
 * <pre>{@code
 * for (CompletionItem c : services.completion(text, 6, 8)) {
 *     System.out.println(c.label() + " (" + c.kind() + "): " + c.detail());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param label what the user picks, e.g. {@code isGateway}
 * @param kind what sort of suggestion it is
 * @param detail a short description, e.g. {@code boolean, bridge}
 * @param insertText the text that replaces {@code replace}, e.g. {@code "isGateway": }
 * @param replace the text the suggestion replaces: the word or string under the cursor (empty at the cursor)
 */
public record CompletionItem(String label, Kind kind, String detail, String insertText, TextRange replace) {

    /**
     * What a suggestion completes. */ public enum Kind { /** A key of the object under the cursor. */ FIELD, /** A plugin {@code type}: a reference plugin or a binary in a plugin directory. */ PLUGIN_TYPE, /** A capability name inside {@code capabilities}. */ CAPABILITY, /** A {@code cniVersion}. */ VERSION, /** An allowed value of an enumerated or boolean field. */ VALUE } /** Checks for nulls.
     *
     * @param label see the record description
     * @param kind see the record description
     * @param detail see the record description
     * @param insertText see the record description
     * @param replace see the record description
     */
    public CompletionItem {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(insertText, "insertText");
        Objects.requireNonNull(replace, "replace");
    }
}
