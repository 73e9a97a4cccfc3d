package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;

/** Child-process entry for {@link NetNsWithoutCapabilityIT}: tries {@code NetNs.create(args[0])} and reports. */
public final class CreateProbeMain {

    private CreateProbeMain() {
    }

    public static void main(String[] args) {
        try (NetNs ns = NetNs.create(args[0])) {
            System.out.println("CREATED " + ns.path());
        } catch (NetNsException e) {
            System.out.println("FAILED " + e.syscall() + " " + e.errnoName() + " " + e.getMessage());
        }
    }
}
