package io.github.cni4j.lint;

import java.util.Objects;

/**
 * What {@link EditorServices#hover} shows for the key or value under the cursor: its documentation, type and
 * default, as Markdown.
 *
 * <pre>{@code
 * services.hover(text, 7, 10).ifPresent(h -> System.out.println(h.markdown()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param markdown the text to show
 * @param range the key or value it is about
 */
public record Hover(String markdown, TextRange range) {

    /**
     * Checks for nulls.
     *
     * @param markdown see the record description
     * @param range see the record description
     */
    public Hover {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(range, "range");
    }
}
