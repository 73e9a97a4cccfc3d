package io.github.cni4j.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.version.CniVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Byte-exact encodings of each version's JSON shape (REFERENCE A.5, B.9). */
class ResultEncodingTest {

    static Result full() {
        return Result.builder()
                .cniVersion(CniVersion.V1_1_0)
                .addInterface(Result.Interface.builder().name("eth0").mac("aa:bb:cc:dd:ee:ff").mtu(1500)
                        .sandbox("/var/run/netns/c4j-x").socketPath("/run/s.sock").pciId("0000:00:01.0").build())
                .addIp(IpConfig.builder().address("10.0.0.2/24").gateway("10.0.0.1").interfaceIndex(0).build())
                .addIp(IpConfig.builder().address("2001:DB8::2/64").interfaceIndex(0).build())
                .addRoute(Route.builder().dst("0.0.0.0/0").gw("10.0.0.1").mtu(1400).advmss(1360).priority(10)
                        .table(0).scope(0).build())
                .addRoute(Route.builder().dst("::/0").build())
                .dns(Dns.builder().addNameserver("10.0.0.1").domain("d").addSearch("s").addOption("o").build())
                .build();
    }

    private static String text(Result r) {
        return new String(r.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void version1xSortsKeysAndPrintsTableAndScopeEvenWhenZero() {
        assertThat(text(full())).isEqualTo("{\"cniVersion\":\"1.1.0\","
                + "\"dns\":{\"domain\":\"d\",\"nameservers\":[\"10.0.0.1\"],\"options\":[\"o\"],\"search\":[\"s\"]},"
                + "\"interfaces\":[{\"mac\":\"aa:bb:cc:dd:ee:ff\",\"mtu\":1500,\"name\":\"eth0\","
                + "\"pciID\":\"0000:00:01.0\",\"sandbox\":\"/var/run/netns/c4j-x\",\"socketPath\":\"/run/s.sock\"}],"
                + "\"ips\":[{\"address\":\"10.0.0.2/24\",\"gateway\":\"10.0.0.1\",\"interface\":0},"
                + "{\"address\":\"2001:db8::2/64\",\"interface\":0}],"
                + "\"routes\":[{\"advmss\":1360,\"dst\":\"0.0.0.0/0\",\"gw\":\"10.0.0.1\",\"mtu\":1400,"
                + "\"priority\":10,\"scope\":0,\"table\":0},{\"dst\":\"::/0\"}]}");
    }

    @Test
    void version1xOmitsEmptyDnsAndEmptyListsButAlwaysPrintsInterfaceName() {
        Result r = Result.builder().cniVersion(CniVersion.V1_0_0).addInterface(Result.Interface.builder().build())
                .build();
        assertThat(text(r)).isEqualTo("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"\"}]}");
        assertThat(text(Result.builder().cniVersion(CniVersion.V1_0_0).build()))
                .isEqualTo("{\"cniVersion\":\"1.0.0\"}");
    }

    @Test
    void version040UsesStructOrderAndKeepsRouteFields() {
        assertThat(text(full().convertTo(CniVersion.V0_4_0))).isEqualTo("{\"cniVersion\":\"0.4.0\","
                + "\"interfaces\":[{\"name\":\"eth0\",\"mac\":\"aa:bb:cc:dd:ee:ff\",\"sandbox\":\"/var/run/netns/c4j-x\"}],"
                + "\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"10.0.0.2/24\",\"gateway\":\"10.0.0.1\"},"
                + "{\"version\":\"6\",\"interface\":0,\"address\":\"2001:db8::2/64\"}],"
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.0.0.1\",\"mtu\":1400,\"advmss\":1360,\"priority\":10,"
                + "\"table\":0,\"scope\":0},{\"dst\":\"::/0\"}],"
                + "\"dns\":{\"nameservers\":[\"10.0.0.1\"],\"domain\":\"d\",\"search\":[\"s\"],\"options\":[\"o\"]}}");
    }

    @Test
    void version04AlwaysPrintsDnsObjectAndVersionLabel() {
        Result r = Result.builder().cniVersion(CniVersion.V0_4_0)
                .addIp(IpConfig.builder().address("10.0.0.2/24").build()).build();
        assertThat(text(r)).isEqualTo(
                "{\"cniVersion\":\"0.4.0\",\"ips\":[{\"version\":\"\",\"address\":\"10.0.0.2/24\"}],\"dns\":{}}");
    }

    @Test
    void version02UsesIp4AndIp6WithDstAndGwRoutes() {
        assertThat(text(full().convertTo(CniVersion.V0_2_0))).isEqualTo("{\"cniVersion\":\"0.2.0\","
                + "\"ip4\":{\"ip\":\"10.0.0.2/24\",\"gateway\":\"10.0.0.1\","
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.0.0.1\"}]},"
                + "\"ip6\":{\"ip\":\"2001:db8::2/64\",\"routes\":[{\"dst\":\"::/0\"}]},"
                + "\"dns\":{\"nameservers\":[\"10.0.0.1\"],\"domain\":\"d\",\"search\":[\"s\"],\"options\":[\"o\"]}}");
    }

    @Test
    void stringsUseGoEscaping() {
        Result r = Result.builder().cniVersion(CniVersion.V1_0_0)
                .dns(Dns.builder().domain("a<b>&\u2028\"\\\u0001é").build()).build();
        assertThat(text(r)).isEqualTo("{\"cniVersion\":\"1.0.0\",\"dns\":{\"domain\":"
                + "\"a\\u003cb\\u003e\\u0026\\u2028\\\"\\\\\\u0001é\"}}");
    }

    @Test
    void toStringIsTheJson() {
        assertThat(full().toString()).isEqualTo(text(full()));
    }

    @Test
    void everyEncodingParsesBackToTheSameResult() {
        for (CniVersion v : CniVersion.supported()) {
            Result r = full().convertTo(v);
            assertThat(Result.fromBytes(r.toBytes())).as("version %s", v).isEqualTo(r);
        }
    }
}
