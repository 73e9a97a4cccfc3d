package io.github.cni4j.examples.cnitool;

import java.nio.file.Path;

/**
 * The names and places of one demo run. Every name starts with {@code c4j}, so the demo is as safe to run on a
 * developer's machine and from the tests as the test suite is; its files live in one work dir under {@code /run}
 * (root-only, gone at reboot), so the machine's {@code /etc/cni} and {@code /var/lib/cni} are never touched and a
 * demo killed half-way can be cleaned up by the next one.
 *
 * @param network the CNI network name (the user's material calls it {@code redisnet})
 * @param bridge the bridge the plugin creates (at most 15 characters)
 * @param netnsName the named network namespace
 * @param subnet the host-local subnet, e.g. {@code 10.88.0.0/16}
 * @param workDir holds {@code net.d}, {@code cache} and {@code ipam}
 */
record DemoSetup(String network, String bridge, String netnsName, String subnet, Path workDir) {

    static final Path DEFAULT_WORK_DIR = Path.of("/run/c4j-demo");

    static DemoSetup standard(String subnet) {
        return new DemoSetup("c4j-demo", "c4jdemo0", "c4j-demo", subnet, DEFAULT_WORK_DIR);
    }

    /** NETCONFPATH of the demo. */
    Path confDir() {
        return workDir.resolve("net.d");
    }

    /** CNI_CACHE_DIR of the demo. */
    Path cacheDir() {
        return workDir.resolve("cache");
    }

    /** host-local's {@code dataDir}: its reservations live in {@code <ipamDir>/<network>/}. */
    Path ipamDir() {
        return workDir.resolve("ipam");
    }

    /** The file {@code ip netns add} and {@code NetNs.create} make. */
    Path netnsPath() {
        return Path.of("/run/netns", netnsName);
    }

    Path confFile() {
        return confDir().resolve("10-" + network + ".conf");
    }

    /** The user's redisnet.conf, with the demo's names and with host-local's data kept in the work dir. */
    String config() {
        return """
                {
                    "cniVersion": "1.0.0",
                    "name": "%s",
                    "type": "bridge",
                    "bridge": "%s",
                    "isDefaultGateway": true,
                    "forceAddress": false,
                    "ipMasq": true,
                    "hairpinMode": true,
                    "ipam": {
                        "type": "host-local",
                        "subnet": "%s",
                        "dataDir": "%s"
                    }
                }
                """.formatted(network, bridge, subnet, ipamDir());
    }
}
