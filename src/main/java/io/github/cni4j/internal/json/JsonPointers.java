package io.github.cni4j.internal.json;

/**
 * Builds and takes apart RFC 6901 JSON pointers.
 */
public final class JsonPointers {

    private JsonPointers() {
    }

    /**
     * Appends an object member to a pointer, escaping {@code ~} and {@code /}.
     *
     * @param parent the parent pointer ({@code ""} is the document)
     * @param key the member name
     * @return the child pointer
     */
    public static String child(String parent, String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return parent + '/' + key;
        }
        return parent + '/' + key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Appends an array index to a pointer.
     *
     * @param parent the parent pointer
     * @param index the element index
     * @return the child pointer
     */
    public static String child(String parent, int index) {
        return parent + '/' + index;
    }

    /**
     * Returns the parent of a pointer; the parent of the document is the document.
     *
     * @param pointer a pointer
     * @return its parent
     */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
