package io.github.cni4j.plugins;

import io.github.cni4j.internal.config.Cidr;
import io.github.cni4j.error.ConfigException;
import java.math.BigInteger;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Subnet choice for new networks: given ones must be free, otherwise the first free /24 from 10.4.1.0/24. */
final class Subnets {

    private static final Cidr FIRST_AUTO = Cidr.parse("subnet", "10.4.1.0/24");
    private static final BigInteger AUTO_END = Cidr.parse("subnet", "10.255.255.0/24").first();

    private Subnets() {
    }

    static List<String> choose(List<String> given, List<NetworkInfo> existing, Path confDir) {
        List<Cidr> taken = new ArrayList<>();
        for (NetworkInfo n : existing) {
            for (String s : n.subnets()) {
                try {
                    taken.add(Cidr.parse("subnet", s));
                } catch (IllegalArgumentException e) {
                    // a foreign file with a broken subnet cannot collide with anything valid
                }
            }
        }
        taken.addAll(hostPrefixes());
        if (given.isEmpty()) {
            return List.of(firstFree(taken, confDir));
        }
        List<Cidr> mine = new ArrayList<>();
        for (String s : given) {
            Cidr c = Cidr.parse("subnet", s);
            if (taken.stream().anyMatch(c::overlaps) || mine.stream().anyMatch(c::overlaps)) {
                throw new ConfigException("subnet " + s + " overlaps with other one on this address space",
                        confDir.toString());
            }
            mine.add(c);
        }
        return List.copyOf(given);
    }

    private static String firstFree(List<Cidr> taken, Path confDir) {
        BigInteger step = BigInteger.valueOf(256);
        for (BigInteger v = FIRST_AUTO.first(); v.compareTo(AUTO_END) <= 0; v = v.add(step)) {
            Cidr c = Cidr.parse("subnet", Cidr.format(v, 4) + "/24");
            if (taken.stream().noneMatch(c::overlaps)) {
                return c.network();
            }
        }
        throw new ConfigException("no free subnet left in 10.4.1.0-10.255.255.0, specify --subnet manually",
                confDir.toString());
    }

    /** The prefixes of the host's addresses (nerdctl refuses subnets that collide with them). */
    static List<Cidr> hostPrefixes() {
        List<Cidr> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress a : nif.getInterfaceAddresses()) {
                    if (a.getAddress().isLoopbackAddress() || a.getAddress().isLinkLocalAddress()) {
                        continue;
                    }
                    out.add(new Cidr(a.getAddress().getAddress(), a.getNetworkPrefixLength()));
                }
            }
        } catch (SocketException e) {
            // no interface list: only the conf dir's networks are checked
        }
        return out;
    }
}
