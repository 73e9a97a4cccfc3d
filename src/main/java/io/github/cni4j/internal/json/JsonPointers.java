package io.github.cni4j.internal.json;

/**
 * Builds and takes apart RFC 6901 JSON pointers.
 */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** {@return the pointer of member {@code key} under {@code parent} ({@code ""} is the document)} */
    public static String child(String parent, String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return parent + '/' + key;
        }
        return parent + '/' + key.replace("~", "~0").replace("/", "~1");
    }

    /** {@return the pointer of element {@code index} under {@code parent}} */
    public static String child(String parent, int index) {
        return parent + '/' + index;
    }

    /** {@return the parent of a pointer; the parent of the document is the document} */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
