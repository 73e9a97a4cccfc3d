package io.github.cni4j.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A seeded generator of test inputs: a function of a {@link Random}. Used with {@link Seeded#forAll}; every
 * generator here mixes in edge cases (empty, minimum, maximum, zero) the way a property-testing library would.
 *
 * <pre>{@code
 * Gen<String> names = Gen.strings(Gen.chars("ab/."), 0, 8);
 * Seeded.forAll(500, names, name -> assertThat(check(name)).isNotNull());
 * }</pre>
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {

    /** How often an edge case is chosen instead of a uniform value. */
    int EDGE_PERCENT = 10;

    /** The next value drawn from {@code r}. */
    T next(Random r);

    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return r -> f.apply(next(r));
    }

    default <U> Gen<U> flatMap(Function<? super T, Gen<U>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Values that satisfy {@code p}; fails after 10 000 consecutive misses. */
    default Gen<T> filter(Predicate<? super T> p) {
        return r -> {
            for (int i = 0; i < 10_000; i++) {
                T v = next(r);
                if (p.test(v)) {
                    return v;
                }
            }
            throw new IllegalStateException("filter rejected 10000 values in a row");
        };
    }

    /** Lists of {@code min..max} elements. */
    default Gen<List<T>> list(int min, int max) {
        Gen<Integer> size = ints(min, max);
        return r -> {
            int n = size.next(r);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return out;
        };
    }

    /** Empty one time in four. */
    default Gen<Optional<T>> optional() {
        return r -> r.nextInt(4) == 0 ? Optional.empty() : Optional.of(next(r));
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    @SuppressWarnings("varargs")
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** One of the generators, each as likely (list one several times to weight it). */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }

    static Gen<Boolean> booleans() {
        return Random::nextBoolean;
    }

    /** Integers in {@code [min, max]}, with min, max and 0 (when in range) as edge cases. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Any int, with 0, 1, -1, MIN_VALUE and MAX_VALUE as edge cases. */
    static Gen<Integer> ints() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs in {@code [min, max]}, with min, max, 0, 1 and -1 (when in range) as edge cases. */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        long[] edges = Arrays.stream(new long[] {min, max, 0, 1, -1, min + 1, max - 1})
                .filter(v -> v >= min && v <= max).distinct().toArray();
        return r -> {
            if (r.nextInt(100) < EDGE_PERCENT) {
                return edges[r.nextInt(edges.length)];
            }
            long span = max - min + 1;
            if (span <= 0) {
                return r.nextLong();   // the whole long range
            }
            long bits;
            long v;
            do {
                bits = r.nextLong() >>> 1;
                v = bits % span;
            } while (bits - v + (span - 1) < 0);
            return min + v;
        };
    }

    /** Finite doubles of any magnitude (no NaN, no infinities), with 0, -0, ±1 and the extremes as edges. */
    static Gen<Double> doubles() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.5};
        return r -> {
            int pick = r.nextInt(100);
            if (pick < EDGE_PERCENT) {
                return edges[r.nextInt(edges.length)];
            }
            if (pick < 55) {
                return (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12));
            }
            double d;
            do {
                d = Double.longBitsToDouble(r.nextLong());
            } while (Double.isNaN(d) || Double.isInfinite(d));
            return d;
        };
    }

    /** Doubles in {@code [min, max]}, with both ends as edges. */
    static Gen<Double> doubles(double min, double max) {
        return r -> {
            int pick = r.nextInt(100);
            if (pick < EDGE_PERCENT / 2) {
                return min;
            }
            if (pick < EDGE_PERCENT) {
                return max;
            }
            return Math.min(max, min + r.nextDouble() * (max - min));
        };
    }

    /** Characters of {@code alphabet}. */
    static Gen<Character> chars(String alphabet) {
        return r -> alphabet.charAt(r.nextInt(alphabet.length()));
    }

    /** Characters in {@code [from, to]}. */
    static Gen<Character> chars(char from, char to) {
        return ints(from, to).map(i -> (char) i.intValue());
    }

    /** Any UTF-16 code unit, lone surrogates included; ASCII half of the time. */
    static Gen<Character> anyChar() {
        return oneOf(chars('\u0000', '\u007f'), chars('\u0000', '\uffff'));
    }

    /** Strings of {@code min..max} characters from {@code chars}; empty and longest as edge cases. */
    static Gen<String> strings(Gen<Character> chars, int min, int max) {
        Gen<Integer> length = ints(min, max);
        return r -> {
            int n = length.next(r);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(chars.next(r).charValue());
            }
            return sb.toString();
        };
    }

    /** Strings of any characters, at most 255 long. */
    static Gen<String> strings() {
        return strings(anyChar(), 0, 255);
    }

    /** Letters and digits. */
    static Gen<Character> alphanumeric() {
        return chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    }

    /** Letters only. */
    static Gen<Character> alpha() {
        return chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    }

    /** Byte arrays of {@code min..max} bytes. */
    static Gen<byte[]> bytes(int min, int max) {
        Gen<Integer> length = ints(min, max);
        Gen<Integer> oneByte = ints(-128, 127);
        return r -> {
            byte[] out = new byte[length.next(r)];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) oneByte.next(r).intValue();
            }
            return out;
        };
    }

    /** Insertion-ordered maps of at most {@code max} entries (fewer when keys collide). */
    static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int max) {
        Gen<Integer> size = ints(0, max);
        return r -> {
            int n = size.next(r);
            Map<K, V> out = new LinkedHashMap<>();
            for (int i = 0; i < 4 * n && out.size() < n; i++) {
                out.putIfAbsent(keys.next(r), values.next(r));
            }
            return out;
        };
    }
}
