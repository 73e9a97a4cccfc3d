package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.result.Result;
import java.nio.file.Path;

/** Decodes a plugin's ADD output (REFERENCE B.6); a bad result becomes a {@link PluginException}. */
final class ResultParsing {

    private ResultParsing() {
    }

    static Result parse(String type, Path path, byte[] stdout, String configVersion) {
        byte[] json = isNull(stdout) ? new byte[] {'{', '}'} : stdout;
        try {
            return Result.fromBytes(json, configVersion);
        } catch (ConfigException e) {
            throw new PluginException(e.code(), e.msg(), e.details().orElse(null), type, path.toString(), "ADD", 0, 0,
                    "", e);
        }
    }

    /** Go decodes {@code null} into an empty map, so a plugin printing {@code null} yields an empty result. */
    private static boolean isNull(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII).trim().equals("null");
    }
}
