package io.github.cni4j.plugins;

import io.github.cni4j.result.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The keys several reference plugins read with one meaning and one rule, each declared once, as the plugins' Go
 * structs embed shared structs. A config class takes a key by implementing its interface: the accessor, the generated
 * setter, the JSON mapping, the linter's field table and the JSON Schema come from the one declaration here (see
 * {@link DeclaredSpec}). The {@code *Setters} interfaces add the convenience setters of a key to the builders of the
 * configs that have it. Keys whose rules differ between plugins ({@code mode}, {@code backend}) stay in each class.
 */
final class CommonKeys {

    private CommonKeys() {
    }

    /** The MTU of the interface the plugin makes or tunes. */
    interface Mtu {
        /** {@return the MTU, 0 or 68-65535 (0: the kernel's default; a sub-interface's at most its parent's), or empty
         * when not set} */
        @Key(mtu = true)
        Optional<Integer> mtu();
    }

    /** The nested IPAM object of an interface plugin; the plugin then also consumes its IPAM's capabilities. */
    interface Ipam {
        /** {@return the nested IPAM config ({@link HostLocal}, {@link StaticIpam} or {@link Dhcp}; see
         * {@link PluginSpec#rawField(String)} for types cni4j does not model), or empty} */
        Optional<PluginSpec> ipam();
    }

    /** Masquerading of traffic that leaves the container's subnet ({@code bridge}, {@code ptp}). */
    interface Masq {
        /** {@return whether traffic leaving the subnet is masqueraded, or empty when not set} */
        Optional<Boolean> ipMasq();

        /** {@return the masquerade backend, {@code iptables} or {@code nftables} (newer plugins), or empty when not
         * set} */
        @Key(oneOf = {"iptables", "nftables"})
        Optional<String> ipMasqBackend();
    }

    /** The parent of a sub-interface ({@code macvlan}, {@code ipvlan}, {@code vlan}). */
    interface Link {
        /** {@return the parent interface (macvlan and ipvlan default to the interface of the default route; vlan
         * requires it), or empty when not set} */
        @Key(ifName = true)
        Optional<String> master();

        /** {@return whether {@code master} lives in the container netns, or empty when not set} */
        Optional<Boolean> linkInContainer();
    }

    /** A fixed MAC address of the container interface ({@code macvlan}, {@code tuning}). */
    interface Mac {
        /** {@return the MAC address to give the container interface, or empty when not set} */
        Optional<String> mac();
    }

    /** The plugin's state directory ({@code host-local}, {@code flannel}, {@code tuning}). */
    interface DataDir {
        /** {@return where the plugin keeps its state (allocations, delegate configs, saved settings), or empty for the
         * plugin's default ({@code /var/lib/cni/networks}, {@code /var/lib/cni/flannel}, {@code /run/cni/tuning})} */
        Optional<String> dataDir();
    }

    /** The {@code dataDir} setter taking a path. @param <B> the builder */
    interface DataDirSetters<B> {
        /** Sets {@code dataDir} as text.
         * @param dir the directory
         * @return this builder */
        B dataDir(String dir);

        /** Sets {@code dataDir}: where the plugin keeps its state.
         * @param dir the directory
         * @return this builder */
        default B dataDir(Path dir) {
            return dataDir(dir.toString());
        }
    }

    /** The routes an IPAM plugin returns ({@code host-local}, {@code static}). */
    interface Routes {
        /** {@return the routes the plugin returns; empty when absent} */
        @Key(schema = "{\"$ref\":\"#/$defs/routes\"}")
        List<Route> routes();
    }

    /** The one-route adder. @param <B> the builder */
    interface RoutesSetters<B> {
        /** Appends routes.
         * @param routes the routes
         * @return this builder */
        B addRoutes(Route... routes);

        /** Appends a route.
         * @param route the route
         * @return this builder */
        default B addRoute(Route route) {
            return addRoutes(route);
        }
    }
}
