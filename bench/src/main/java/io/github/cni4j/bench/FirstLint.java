package io.github.cni4j.bench;

import io.github.cni4j.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first lint in a fresh JVM, as an IDE plugin sees it when the user opens the first CNI file: class loading,
 * Jackson's and the linter's set-up, then one lint of the seed config. {@link #main} prints the time from just
 * before the first cni4j call to its end; {@link #measure} starts {@code runs} JVMs and reports the median of that
 * figure and of the whole process wall time (JVM start included).
 */
public final class FirstLint {

    private FirstLint() {
    }

    public static void main(String[] args) {
        String seed = new String(Fixtures.resource("redisnet.conf"), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int n = Linter.standard().lint(seed, "redisnet.conf").size();
        long took = System.nanoTime() - start;
        System.out.println("first_lint_ns " + took + " diagnostics " + n);
    }

    /** Returns {median first-lint ns, median process wall ns}. */
    static double[] measure(String classpath, int runs) {
        List<Double> lint = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            try {
                long start = System.nanoTime();
                Process p = new ProcessBuilder(java, "-cp", classpath, FirstLint.class.getName())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("first_lint_ns ")) {
                    throw new IllegalStateException("FirstLint failed: " + out);
                }
                wall.add((double) (System.nanoTime() - start));
                lint.add(Double.parseDouble(out.split("\\s+")[1]));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new double[] {median(lint), median(wall)};
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }
}
