package io.github.cni4j.internal.json;

import java.util.function.Function;

/**
 * Which parts of a document {@link JsonInput#readPart} builds into a tree: a decoder that looks at a few known fields
 * says which, and the rest is only checked (syntax, limits, numbers that must fit a float64), never built.
 */
public interface TreeFilter {

    /** Builds everything below. */
    TreeFilter ALL = new TreeFilter() {
        @Override
        public TreeFilter member(String key) {
            return this;
        }

        @Override
        public TreeFilter element() {
            return this;
        }
    };

    /** Builds a container's kind only: its members or elements are checked and dropped. */
    TreeFilter NONE = new TreeFilter() {
        @Override
        public TreeFilter member(String key) {
            return null;
        }

        @Override
        public TreeFilter element() {
            return null;
        }
    };

    /**
     * {@return a filter that picks an object's members by key and keeps no array element}
     *
     * @param members the filter of a member's value by key, or null to leave the member out
     */
    static TreeFilter members(Function<String, TreeFilter> members) {
        return new TreeFilter() {
            @Override
            public TreeFilter member(String key) {
                return members.apply(key);
            }

            @Override
            public TreeFilter element() {
                return null;
            }
        };
    }

    /**
     * {@return a filter that keeps every element of an array with {@code elements} and no object member}
     *
     * @param elements the filter of each element
     */
    static TreeFilter elements(TreeFilter elements) {
        return new TreeFilter() {
            @Override
            public TreeFilter member(String key) {
                return null;
            }

            @Override
            public TreeFilter element() {
                return elements;
            }
        };
    }

    /**
     * {@return the filter for the value of an object member, or null to check it without building it}
     *
     * @param key the member's key as written
     */
    TreeFilter member(String key);

    /** {@return the filter for the elements of an array, or null to check them without building them} */
    TreeFilter element();
}
