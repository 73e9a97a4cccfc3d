/**
 * Overlay networks across hosts for cni4j: per-host subnet leases out of one overlay range.
 *
 * <pre>{@code
 * SubnetPlan plan = SubnetPlan.of("10.200.0.0/16", 24);
 * SubnetLeaser leaser = new SubnetLeaser(plan, new InMemoryLeaseStore());
 * String subnet = leaser.lease("web", "192.0.2.1");
 * }</pre>
 */
module io.github.cni4j.overlay {
    requires io.github.cni4j;
    requires com.sun.jna;
    exports io.github.cni4j.overlay;
    // JNA registers the direct-mapped natives of the netlink bindings reflectively.
    opens io.github.cni4j.overlay.internal.netlink to com.sun.jna;
}
