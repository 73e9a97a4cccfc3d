package io.github.cni4j.overlay;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Commands and polling for the root tests of the overlay. */
final class Shell {
    private Shell() {
    }

    record Result(int rc, String out) {}

    static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + " (timed out)");
        }
        return new Result(p.exitValue(), out);
    }

    static String sh(String... cmd) throws Exception {
        Result r = run(cmd);
        if (r.rc() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + r.rc() + "): " + r.out());
        }
        return r.out();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Polls {@code check} every 100 ms until it holds or {@code millis} have passed.
     *
     * @return the milliseconds it took
     * @throws AssertionError naming {@code what} on timeout
     */
    static long await(String what, long millis, Check check) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            if (check.holds()) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + millis + " ms waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
