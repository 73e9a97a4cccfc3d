package io.github.cni4j.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.version.CniVersion;
import io.github.cni4j.version.PluginInfo;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twins of the javadoc and docs/results.md examples, so that a rename breaks the build. */
class ResultExamplesTest {

    private static final byte[] STDOUT = ("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"eth0\","
            + "\"sandbox\":\"/var/run/netns/c4j-x\"}],\"ips\":[{\"address\":\"10.22.0.5/16\",\"gateway\":"
            + "\"10.22.0.1\",\"interface\":0}]}").getBytes(StandardCharsets.UTF_8);

    @Test
    void resultClassExample() {
        Result result = Result.fromBytes(STDOUT, "1.0.0");
        StringBuilder out = new StringBuilder();
        for (IpConfig ip : result.ips()) {
            out.append(ip.address() + " via " + ip.gateway().map(InetAddress::getHostAddress).orElse("-"));
        }
        assertThat(out).hasToString("10.22.0.5/16 via 10.22.0.1");
        byte[] old = result.convertTo(CniVersion.V0_4_0).toBytes();
        assertThat(new String(old, StandardCharsets.UTF_8)).startsWith("{\"cniVersion\":\"0.4.0\"");

        Result built = Result.builder()
                .cniVersion(CniVersion.V1_0_0)
                .addInterface(Result.Interface.builder().name("eth0").sandbox("/var/run/netns/c4j-x").build())
                .addIp(IpConfig.builder().address("10.0.0.2/24").gateway("10.0.0.1").interfaceIndex(0).build())
                .build();
        assertThat(built.ips()).hasSize(1);
        Result ipam = Result.builder()
                .cniVersion(CniVersion.V0_4_0)
                .addIp(IpConfig.builder().address("10.1.0.7/16").gateway("10.1.0.1").build())
                .addRoute(Route.builder().dst("0.0.0.0/0").build())
                .build();
        assertThat(ipam.interfaces()).isEmpty();
    }

    @Test
    void partExamples() {
        IpPrefix p = IpPrefix.parse("10.22.0.5/16");
        assertThat(p.address().getHostAddress()).isEqualTo("10.22.0.5");
        assertThat(p.prefixLength()).isEqualTo(16);
        assertThat(p.isIpv4()).isTrue();
        Result.Interface eth0 = Result.Interface.builder().name("eth0").mac("be:ef:00:00:00:02")
                .sandbox("/var/run/netns/c4j-test")
                .build();
        assertThat(!eth0.sandbox().isEmpty()).isTrue();
        assertThat(Result.Interface.builder().name("tap0").mtu(9000).build().mtu()).isEqualTo(9000);
        IpConfig ip = IpConfig.builder().address("10.22.0.5/16").gateway("10.22.0.1").interfaceIndex(1).build();
        assertThat(ip.address().address().getHostAddress()).isEqualTo("10.22.0.5");
        assertThat(IpConfig.builder().address("2001:db8::5/64").build().address().isIpv4()).isFalse();
        Route dflt = Route.builder().dst("0.0.0.0/0").gw("10.22.0.1").build();
        Route link = Route.builder().dst("10.0.0.0/8").scope(253).build();
        Route r = Route.builder().dst("192.168.0.0/16").gw("10.0.0.1").priority(100).build();
        assertThat(List.of(dflt, link, r)).extracting(Route::dst).doesNotContainNull();
        Dns dns = Dns.builder().addNameserver("10.22.0.1").domain("cluster.local").addSearch("svc.cluster.local")
                .build();
        assertThat(Dns.builder().nameservers(List.of("1.1.1.1", "8.8.8.8")).build().nameservers()).hasSize(2);
        assertThat(dns.isEmpty()).isFalse();
    }

    @Test
    void versionExamples() {
        PluginException err = new PluginException(11, "busy", null, "bridge", "", "ADD", 1, 0, "", null);
        assertThat(err.code() == CniException.TRY_AGAIN_LATER).isTrue();
        assertThat(err.kind()).isEqualTo(PluginException.Kind.FAILED);
        PluginInfo info = PluginInfo.fromBytes(
                "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"1.0.0\",\"1.1.0\"]}".getBytes(StandardCharsets.UTF_8));
        assertThat(info.supports("1.0.0")).isTrue();
    }
}
