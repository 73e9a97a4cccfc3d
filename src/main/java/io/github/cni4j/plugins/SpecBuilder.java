package io.github.cni4j.plugins;

import java.util.Objects;

/**
 * What the builder of every declared plugin config offers besides the setters of its keys: capabilities checked
 * against the plugin, and untyped keys.
 *
 * <pre>{@code
 * Portmap pm = Portmap.builder().snat(true).field("x-vendor", "{\"a\":1}").build();
 * }</pre>
 *
 * <p>Builders are not thread-safe; what they build is immutable.
 *
 * @param <B> the concrete builder
 * @param <T> the config it builds
 */
sealed interface SpecBuilder<B extends SpecBuilder<B, T>, T extends PluginSpec>
        permits Bandwidth.Builder, Bridge.Builder, Dhcp.Builder, Firewall.Builder, Flannel.Builder, HostDevice.Builder,
        HostLocal.Builder, Ipvlan.Builder, Loopback.Builder, Macvlan.Builder, Portmap.Builder, Ptp.Builder, Sbr.Builder, StaticIpam.Builder, Tuning.Builder,
        Vlan.Builder {

    /** Sets the plugin object's own {@code name} key (rarely used; the list name is what plugins see as name).
     * @param name the name
     * @return this builder */
    B name(String name);

    /** Enables or disables one capability in {@code capabilities}.
     * @param capability a name from the config's {@code supportedCapabilities()}
     * @param enabled the flag
     * @return this builder
     * @throws IllegalArgumentException when the plugin does not consume that capability */
    default B capability(String capability, boolean enabled) {
        SpecDecoder.capability(this, Objects.requireNonNull(capability, "capability"), enabled);
        return self();
    }

    /**
     * Sets any key to a JSON value, for keys the typed setters do not model (newer plugin versions, vendor keys).
     * A declared key set this way is checked for its JSON type at once and for its rules by {@link #build()}.
     *
     * @param key the JSON key
     * @param json the value as JSON text
     * @return this builder
     * @throws IllegalArgumentException when {@code json} is not valid JSON or not of the key's type
     */
    default B field(String key, String json) {
        SpecDecoder.field(this, Objects.requireNonNull(key, "key"), Objects.requireNonNull(json, "json"));
        return self();
    }

    /** Removes a key, typed or not.
     * @param key the JSON key
     * @return this builder */
    default B remove(String key) {
        SpecDecoder.remove(this, Objects.requireNonNull(key, "key"));
        return self();
    }

    /** Validates and builds the config.
     * @return the immutable config
     * @throws IllegalArgumentException naming the field that is wrong */
    T build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
