package io.github.cni4j.version;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import io.github.cni4j.internal.gojson.VersionCodec;
import io.github.cni4j.internal.value.CniStyle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A plugin's answer to the VERSION command: the spec version it answered in and the versions it supports.
 *
 * <p>{@link #fromBytes(byte[])} applies libcni's decoding rules: {@code cniVersion} is required; without
 * {@code supportedVersions} a {@code 0.2.0} answer means {@code [0.1.0, 0.2.0]} (and, as in libcni, is reported as
 * answered in the current version) while any other answer is an error. A plugin that fails with exactly
 * {@code unknown CNI_COMMAND: VERSION} predates VERSION and supports only 0.1.0: that is {@link #legacy()}.
 *
 * <pre>{@code
 * PluginInfo info = PluginInfo.fromBytes(stdout);
 * if (!info.supports("1.0.0")) {
 *     throw new IllegalStateException("plugin too old: " + info.supportedVersions());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@CniStyle
public abstract class PluginInfo {

    private static final PluginInfo LEGACY = create(CniVersion.current(), List.of("0.1.0"));

    PluginInfo() {
    }

    private static PluginInfo create(CniVersion cniVersion, List<String> supportedVersions) {
        return ImmutablePluginInfo.builder().cniVersion(cniVersion).supportedVersions(supportedVersions).build();
    }

    /**
     * Returns an answer with the given versions.
     *
     * @param cniVersion the version the answer is in
     * @param supportedVersions the supported versions, at least one
     * @return the answer
     * @throws IllegalArgumentException if no version is given
     */
    public static PluginInfo of(CniVersion cniVersion, List<String> supportedVersions) {
        return create(Objects.requireNonNull(cniVersion, "cniVersion"), supportedVersions);
    }

    /**
     * Returns what libcni assumes for a plugin that does not know the VERSION command: only 0.1.0 supported.
     *
     * @return the legacy answer
     */
    public static PluginInfo legacy() {
        return LEGACY;
    }

    /**
     * Decodes a VERSION answer as libcni does.
     *
     * @param json the plugin's stdout
     * @return the answer
     * @throws ConfigException (code 6) with libcni's message: {@code decoding version info: <json error>},
     *         {@code decoding version info: missing field cniVersion} or
     *         {@code decoding version info: missing field supportedVersions}; also when {@code cniVersion} is
     *         not a version at all (libcni does not check that)
     */
    public static PluginInfo fromBytes(byte[] json) {
        VersionCodec.InfoFields f = VersionCodec.decodeInfo(Objects.requireNonNull(json, "json"));
        if (f.cniVersion().isEmpty()) {
            throw decoding("missing field cniVersion");
        }
        if (f.supportedVersions().isEmpty()) {
            if (f.cniVersion().equals("0.2.0")) {
                return create(CniVersion.current(), List.of("0.1.0", "0.2.0"));
            }
            throw decoding("missing field supportedVersions");
        }
        try {
            return create(CniVersion.parse(f.cniVersion()), f.supportedVersions());
        } catch (CniException e) {
            throw new ConfigException(ConfigException.DECODING_FAILURE, "decoding version info: " + e.getMessage(), null,
                    0, 0, "/cniVersion", e);
        }
    }

    private static ConfigException decoding(String what) {
        return new ConfigException(ConfigException.DECODING_FAILURE, "decoding version info: " + what, null, 0, 0, null,
                null);
    }

    /**
     * Returns the spec version the answer was given in.
     *
     * @return the version
     */
    public abstract CniVersion cniVersion();

    /**
     * Returns the supported versions exactly as the plugin listed them.
     *
     * @return the versions
     */
    public abstract List<String> supportedVersions();

    @Value.Check
    void checkVersions() {
        if (supportedVersions().isEmpty()) {
            throw new IllegalArgumentException("supportedVersions must not be empty");
        }
    }

    /**
     * Tells whether {@code version} is literally in {@link #supportedVersions()} (libcni compares strings, so
     * {@code "1.0"} does not match {@code "1.0.0"}).
     *
     * @param version the version text
     * @return true when listed
     */
    public boolean supports(String version) {
        return supportedVersions().contains(Objects.requireNonNull(version, "version"));
    }

    /**
     * Encodes the answer as Go's plugin skeleton prints it: compact JSON followed by a newline.
     *
     * @return the UTF-8 bytes
     */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(128).append("{\"cniVersion\":");
        GoJson.appendString(sb, cniVersion().toString());
        sb.append(",\"supportedVersions\":[");
        for (int i = 0; i < supportedVersions().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            GoJson.appendString(sb, supportedVersions().get(i));
        }
        return sb.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PluginInfo{cniVersion=" + cniVersion() + ", supportedVersions=" + supportedVersions() + "}";
    }
}
