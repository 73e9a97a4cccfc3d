package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.config.GoQuote;
import io.github.cni4j.internal.gojson.VersionCodec;
import io.github.cni4j.invoke.PluginExec;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a failed plugin run into a {@link PluginException} with libcni's code and message (REFERENCE B.6): the
 * plugin's error JSON when stdout has one, otherwise {@code netplugin failed…} texts built from stderr and the Go
 * form of the exit ({@code exit status 1}, {@code signal: killed}, {@code fork/exec <path>: <errno text>}). A
 * successful ADD whose output is no result fails the same way.
 */
public final class PluginFailures {

    /** Go's {@code syscall.Signal.String()} texts for the common Linux signals. */
    private static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(1, "hangup"), Map.entry(2, "interrupt"), Map.entry(3, "quit"),
            Map.entry(4, "illegal instruction"), Map.entry(5, "trace/breakpoint trap"), Map.entry(6, "aborted"),
            Map.entry(7, "bus error"), Map.entry(8, "floating point exception"), Map.entry(9, "killed"),
            Map.entry(10, "user defined signal 1"), Map.entry(11, "segmentation fault"),
            Map.entry(12, "user defined signal 2"), Map.entry(13, "broken pipe"), Map.entry(14, "alarm clock"),
            Map.entry(15, "terminated"));

    private PluginFailures() {
    }

    /**
     * Go's {@code exec} error text for a run that did not succeed.
     *
     * @param r the run
     * @return e.g. {@code exit status 2} or {@code signal: segmentation fault}
     */
    public static String goError(PluginExec.Response r) {
        if (r.spawnError().isPresent()) {
            return r.spawnError().get();
        }
        if (r.signal() != 0) {
            return "signal: " + SIGNALS.getOrDefault(r.signal(), "signal " + r.signal());
        }
        return "exit status " + r.exitStatus();
    }

    /**
     * Maps a failed run.
     *
     * @param type the plugin type
     * @param path the binary
     * @param command the verb
     * @param r the run
     * @return the exception to throw
     */
    public static PluginException failure(String type, Path path, String command, PluginExec.Response r) {
        byte[] out = r.stdout();
        String err = goError(r);
        String stderr = r.stderrText();
        int code = 0;
        String msg;
        String details = null;
        if (out.length == 0 && stderr.isEmpty()) {
            msg = "netplugin failed with no error message: " + err;
        } else if (out.length == 0) {
            msg = "netplugin failed: " + GoQuote.quote(stderr) + ": " + err;
        } else {
            try {
                VersionCodec.ErrorFields e = VersionCodec.decodeError(out);
                code = e.code();
                msg = e.msg();
                details = e.details();
            } catch (ConfigException e) {
                msg = "netplugin failed but error parsing its diagnostic message "
                        + GoQuote.quote(new String(out, StandardCharsets.UTF_8)) + ": " + e.msg();
            }
        }
        return new PluginException(code, msg, details, type, path.toString(), command, r.exitStatus(), r.signal(),
                stderr, null);
    }

    /** Decodes a plugin's ADD output; Go decodes {@code null} into an empty map, so {@code null} is an empty result. */
    static Result result(String type, Path path, byte[] stdout, String configVersion) {
        boolean isNull = new String(stdout, StandardCharsets.US_ASCII).trim().equals("null");
        try {
            return Result.fromBytes(isNull ? new byte[] {'{', '}'} : stdout, configVersion);
        } catch (ConfigException e) {
            throw new PluginException(e.code(), e.msg(), e.details().orElse(null), type, path.toString(), "ADD", 0, 0,
                    "", e);
        }
    }
}
