package io.github.cni4j.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Random;

/**
 * Property checks on seeded JUnit 5 tests: {@code tries} inputs drawn from a {@link Gen} with a {@link Random} whose
 * seed derives from a fixed base seed and the test's name, so every run draws the same inputs. On failure the
 * error names the base seed, the try and the input; {@code -Dcni4j.seed=<n>} changes the base seed (to explore, or to
 * reproduce a run made with another seed).
 *
 * <pre>{@code
 * @Test
 * void parsesOrRefuses() {
 *     Seeded.forAll(500, Gen.bytes(0, 255), bytes -> parseOrConfigException(bytes));
 * }
 * }</pre>
 */
public final class Seeded {

    /** The base seed: {@code -Dcni4j.seed}, else a fixed value. */
    public static final long BASE_SEED = Long.getLong("cni4j.seed", 0x0c4a_5eedL);

    /** A check of one input that may throw. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    /** A check of two inputs that may throw. */
    @FunctionalInterface
    public interface Property2<A, B> {
        void check(A a, B b) throws Exception;
    }

    /** A check of three inputs that may throw. */
    @FunctionalInterface
    public interface Property3<A, B, C> {
        void check(A a, B b, C c) throws Exception;
    }

    private Seeded() {
    }

    /** Checks {@code property} on {@code tries} inputs of {@code gen}. */
    public static <T> void forAll(int tries, Gen<T> gen, Property<T> property) {
        String name = caller();
        Random random = new Random(BASE_SEED ^ (name.hashCode() * 0x9e3779b97f4a7c15L));
        for (int i = 1; i <= tries; i++) {
            T input = gen.next(random);
            try {
                property.check(input);
            } catch (Throwable t) {
                String msg = String.format("%s failed on try %d of %d (base seed %d, rerun with -Dcni4j.seed=%d)%n"
                        + "input: %s%n%s", name, i, tries, BASE_SEED, BASE_SEED, describe(input), t);
                System.err.println(msg);
                throw new AssertionError(msg, t);
            }
        }
    }

    /** Checks {@code property} on {@code tries} pairs of inputs. */
    @SuppressWarnings("unchecked")
    public static <A, B> void forAll(int tries, Gen<A> a, Gen<B> b, Property2<A, B> property) {
        forAll(tries, r -> new Object[] {a.next(r), b.next(r)}, v -> property.check((A) v[0], (B) v[1]));
    }

    /** Checks {@code property} on {@code tries} triples of inputs. */
    @SuppressWarnings("unchecked")
    public static <A, B, C> void forAll(int tries, Gen<A> a, Gen<B> b, Gen<C> c, Property3<A, B, C> property) {
        forAll(tries, r -> new Object[] {a.next(r), b.next(r), c.next(r)},
                v -> property.check((A) v[0], (B) v[1], (C) v[2]));
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Seeded.class.getName()))
                .findFirst().map(f -> f.getClassName() + "." + f.getMethodName()).orElse("property"));
    }

    /** A readable, bounded rendering of a generated input (strings escaped, arrays expanded). */
    static String describe(Object v) {
        String s;
        if (v instanceof Object[] values) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(describe(values[i]));
            }
            s = sb.append(')').toString();
        } else if (v instanceof byte[] b) {
            s = "bytes" + Arrays.toString(b) + " = \"" + escape(new String(b, StandardCharsets.UTF_8)) + "\"";
        } else if (v instanceof int[] ints) {
            s = Arrays.toString(ints);
        } else if (v instanceof CharSequence text) {
            s = "\"" + escape(text.toString()) + "\"";
        } else if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            c.forEach(x -> sb.append(sb.length() > 1 ? ", " : "").append(describe(x)));
            s = sb.append(']').toString();
        } else if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(describe(k)).append('=')
                    .append(describe(x)));
            s = sb.append('}').toString();
        } else {
            s = String.valueOf(v);
        }
        return s.length() > 4000 ? s.substring(0, 4000) + "...(" + s.length() + " chars)" : s;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x80 && Character.isSpaceChar(c))) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
