package io.github.cni4j.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Names for the resources tests create: all start with {@code c4j} so leftovers are easy to find and remove. */
public final class TestNames {

    private TestNames() {
    }

    /** A netns name such as {@code c4j-ab12cd34}. */
    public static String netns() {
        return "c4j-" + hex(8);
    }

    /** A bridge name such as {@code c4jab12cd34} (at most 15 characters, as the kernel requires). */
    public static String bridge() {
        return "c4j" + hex(8);
    }

    /** A network name such as {@code c4jnet-ab12cd}. */
    public static String network() {
        return "c4jnet-" + hex(6);
    }

    /** A container id such as {@code c4j-ctr-ab12cd34ef}. */
    public static String containerId() {
        return "c4j-ctr-" + hex(10);
    }

    private static String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }
}
