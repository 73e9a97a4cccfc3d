package io.github.cni4j.config;

import io.github.cni4j.error.ConfigException;
import java.util.List;

/**
 * What {@link ConfLoader#scan(java.nio.file.Path)} found in a configuration directory: the networks that loaded and
 * the errors of the files that did not (each error's {@link ConfigException#source()} names its file).
 *
 * <pre>{@code
 * ConfScan scan = ConfLoader.scan(Path.of("/etc/cni/net.d"));
 * for (NetworkConfigList net : scan.networks()) { System.out.println(net.name()); }
 * for (ConfigException e : scan.errors()) { System.err.println(e.getMessage()); }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param networks the networks, in file order
 * @param errors the errors, in file order
 */
public record ConfScan(List<NetworkConfigList> networks, List<ConfigException> errors) {

    /**
     * Creates a scan result; both lists are copied.
     *
     * @param networks the networks, in file order
     * @param errors the errors, in file order
     */
    public ConfScan {
        networks = List.copyOf(networks);
        errors = List.copyOf(errors);
    }
}
