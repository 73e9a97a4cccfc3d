package io.github.cni4j.lint;

import io.github.cni4j.lint.Diagnostic.Severity;
import java.util.Optional;

/**
 * The catalogue of everything the {@link Linter} reports: a stable code, its severity and a one-line title.
 *
 * <p>Codes never change meaning once released; new checks get new codes. {@code CNI00xx} are structural errors
 * that libcni itself would reject, {@code CNI01xx} come from knowledge of the reference plugins, {@code CNI02xx}
 * are hints, and {@code CNI9999} is the linter's own failure.
 *
 * <pre>{@code
 * DiagnosticCode c = DiagnosticCode.of("CNI0100").orElseThrow();   // UNKNOWN_FIELD
 * System.out.println(c.title() + " (" + c.severity() + ")");
 * }</pre>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum DiagnosticCode {
    /** The text is not well-formed JSON (unterminated string, missing comma, trailing comma, ...). */
    JSON_SYNTAX("CNI0001", Diagnostic.Severity.ERROR, "Malformed JSON"),
    /** Arrays and objects are nested deeper than the linter follows. */
    NESTING_TOO_DEEP("CNI0002", Diagnostic.Severity.ERROR, "JSON nested too deeply"),
    /** An object has the same key twice; libcni silently keeps the last one. */
    DUPLICATE_KEY("CNI0003", Diagnostic.Severity.WARNING, "Duplicate key"),
    /** The document is not a JSON object. */
    NOT_AN_OBJECT("CNI0004", Diagnostic.Severity.ERROR, "Configuration is not a JSON object"),
    /** So many syntax errors that the linter stopped reporting them. */
    TOO_MANY_PROBLEMS("CNI0005", Diagnostic.Severity.INFO, "Too many syntax errors; the rest are not reported"),
    /** The file cannot be read (missing, unreadable, too large). */
    UNREADABLE("CNI0006", Diagnostic.Severity.ERROR, "File cannot be read"),
    /** A spec field has the wrong JSON type ({@code name} a number, {@code plugins} an object, ...). */
    WRONG_TYPE("CNI0010", Diagnostic.Severity.ERROR, "Field has the wrong type"),
    /** The network has no {@code name}. */
    MISSING_NAME("CNI0011", Diagnostic.Severity.ERROR, "Missing network name"),
    /** The network name does not match {@code ^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$}. */
    INVALID_NAME("CNI0012", Diagnostic.Severity.ERROR, "Invalid network name"),
    /** A {@code cniVersion} that does not parse or is newer than this library supports. */
    UNSUPPORTED_VERSION("CNI0013", Diagnostic.Severity.ERROR, "Unknown or unsupported cniVersion"),
    /** No {@code cniVersion}: plugins then assume 0.1.0. */
    MISSING_VERSION("CNI0014", Diagnostic.Severity.WARNING, "Missing cniVersion"),
    /** {@code cniVersions} is given but none of its entries is supported. */
    NO_SUPPORTED_VERSION("CNI0015", Diagnostic.Severity.ERROR, "No supported entry in cniVersions"),
    /** {@code plugins} is an empty array. */
    EMPTY_PLUGINS("CNI0020", Diagnostic.Severity.ERROR, "Empty plugin list"),
    /** A plugin (or single-plugin config) has no {@code type}. */
    MISSING_TYPE("CNI0021", Diagnostic.Severity.ERROR, "Plugin without type"),
    /** A plugin {@code type} is not a plain file name. */
    INVALID_TYPE("CNI0022", Diagnostic.Severity.ERROR, "Plugin type is not a plain file name"),
    /** {@code loadOnlyInlinedPlugins} is true but there is no {@code plugins} key. */
    INLINED_WITHOUT_PLUGINS("CNI0023", Diagnostic.Severity.ERROR, "loadOnlyInlinedPlugins without plugins"),
    /** The file extension says {@code .conflist} but the content is a single plugin, or the other way round. */
    KIND_MISMATCH("CNI0024", Diagnostic.Severity.WARNING, "File extension does not match the content"),
    /** A field that the reference plugin does not read; usually a typo. */
    UNKNOWN_FIELD("CNI0100", Diagnostic.Severity.WARNING, "Unknown field for this plugin"),
    /** A reference plugin field has the wrong JSON type. */
    FIELD_TYPE("CNI0101", Diagnostic.Severity.WARNING, "Plugin field has the wrong type"),
    /** An IP address or CIDR that does not parse: host-local (and Go's net parsing) refuse it at ADD. */
    INVALID_ADDRESS("CNI0102", Diagnostic.Severity.ERROR, "Invalid IP address or CIDR"),
    /** A gateway outside its subnet. */
    GATEWAY_OUTSIDE_SUBNET("CNI0103", Diagnostic.Severity.WARNING, "Gateway outside the subnet"),
    /** {@code rangeStart} is after {@code rangeEnd}. */
    RANGE_REVERSED("CNI0104", Diagnostic.Severity.WARNING, "rangeStart after rangeEnd"),
    /** {@code rangeStart} or {@code rangeEnd} lies outside the subnet. */
    RANGE_OUTSIDE_SUBNET("CNI0105", Diagnostic.Severity.WARNING, "Range outside the subnet"),
    /** Two host-local ranges overlap. */
    OVERLAPPING_RANGES("CNI0106", Diagnostic.Severity.WARNING, "Overlapping host-local ranges"),
    /** A capability the plugin does not consume. */
    UNSUPPORTED_CAPABILITY("CNI0107", Diagnostic.Severity.WARNING, "Capability not supported by the plugin"),
    /** Plugins that conflict in one list (two interface-creating plugins, two portmap, ...). */
    CONFLICTING_PLUGINS("CNI0108", Diagnostic.Severity.WARNING, "Conflicting plugins in one list"),
    /** A Linux interface name longer than 15 characters. */
    INTERFACE_NAME_TOO_LONG("CNI0109", Diagnostic.Severity.WARNING, "Interface name longer than 15 characters"),
    /** {@code ipMasq} on a bridge that is not the gateway. */
    MASQ_WITHOUT_GATEWAY("CNI0110", Diagnostic.Severity.WARNING, "ipMasq without isGateway"),
    /** A chained plugin (portmap, bandwidth, firewall, ...) placed before the plugin that creates the interface. */
    CHAINED_BEFORE_MAIN("CNI0111", Diagnostic.Severity.WARNING, "Chained plugin before the main plugin"),
    /** IPv6 ranges but explicit routes with no IPv6 route. */
    IPV6_WITHOUT_ROUTE("CNI0112", Diagnostic.Severity.WARNING, "IPv6 range without an IPv6 route"),
    /** A plugin's own {@code cniVersion} is newer than the list's. */
    PLUGIN_VERSION_NEWER("CNI0113", Diagnostic.Severity.WARNING, "Plugin cniVersion newer than the list's"),
    /** A field the reference plugin needs is missing. */
    MISSING_PLUGIN_FIELD("CNI0114", Diagnostic.Severity.WARNING, "Missing field required by the plugin"),
    /** A value outside what the plugin accepts (VLAN id, mode, policy, ...). */
    VALUE_OUT_OF_RANGE("CNI0115", Diagnostic.Severity.WARNING, "Value not accepted by the plugin"),
    /** With plugin directories configured: no executable of that type in any of them. */
    PLUGIN_NOT_INSTALLED("CNI0116", Diagnostic.Severity.WARNING, "Plugin not installed"),
    /** A key the runtime generates ({@code runtimeConfig}, {@code args}, {@code prevResult}, {@code cni.dev/...}). */
    RESERVED_KEY("CNI0200", Diagnostic.Severity.INFO, "Runtime-generated key written in the file"),
    /** The configuration's version is older than the plugin needs. */
    VERSION_TOO_OLD_FOR_PLUGIN("CNI0201", Diagnostic.Severity.INFO, "cniVersion too old for the plugin"),
    /** A single-plugin config declaring spec 1.0.0 or later, which dropped that format. */
    SINGLE_CONF_DEPRECATED("CNI0202", Diagnostic.Severity.INFO, "Single-plugin config with cniVersion 1.0.0 or later"),
    /** An {@code args.cni} key the plugin (or its IPAM) does not read. */
    ARGS_NOT_CONSUMED("CNI0203", Diagnostic.Severity.INFO, "args.cni key not read by the plugin"),
    /** A bare word where a CIDR belongs, which another component substitutes (Calico's {@code usePodCidr}). */
    PLACEHOLDER_VALUE("CNI0204", Diagnostic.Severity.INFO, "Placeholder substituted before the plugin runs"),
    /** A bug in the linter itself; the rest of the checks still ran. */
    INTERNAL_ERROR("CNI9999", Diagnostic.Severity.ERROR, "Internal linter error");

    private final String id;
    private final Diagnostic.Severity severity;
    private final String title;

    DiagnosticCode(String id, Diagnostic.Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /** @return the stable code, e.g. {@code CNI0001} */
    public String id() {
        return id;
    }

    /** @return the severity every diagnostic with this code has */
    public Diagnostic.Severity severity() {
        return severity;
    }

    /** @return a one-line description of the problem */
    public String title() {
        return title;
    }

    /**
     * Looks up a code.
     *
     * @param id a code such as {@code CNI0100}
     * @return the entry, or empty when no such code exists
     */
    public static Optional<DiagnosticCode> of(String id) {
        for (DiagnosticCode c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
