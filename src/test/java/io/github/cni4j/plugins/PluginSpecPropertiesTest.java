package io.github.cni4j.plugins;

import io.github.cni4j.config.IpRange;
import io.github.cni4j.result.Route;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;

/** Round trips and robustness of the typed configs; NetworkManager under concurrent creates. */
class PluginSpecPropertiesTest {

    @Test
    void hostLocalRoundTripsThroughPluginConfig() {
        Gen<Integer> second = Gen.ints(1, 200);
        Gen<Integer> third = Gen.ints(0, 255);
        Gen<Integer> start = Gen.ints(2, 120);
        Gen<Integer> length = Gen.ints(0, 120);
        Gen<int[]> inputs = r -> new int[] {second.next(r), third.next(r), start.next(r), length.next(r),
            r.nextBoolean() ? 1 : 0};
        Seeded.forAll(200, inputs, v -> hostLocalRoundTrips(v[0], v[1], v[2], v[3], v[4] == 1));
    }

    private static void hostLocalRoundTrips(int second, int third, int start, int length, boolean withGateway) {
        String p = "10." + second + "." + third + ".";
        IpRange r = IpRange.of(p + "0/24").withRangeStart(p + start).withRangeEnd(p + (start + length));
        if (withGateway) {
            r = r.withGateway(p + "1");
        }
        HostLocal h = HostLocal.builder().addRangeSet(r).addRoute(Route.of("0.0.0.0/0")).build();
        HostLocal back = PluginSpec.from(h.toPluginConfig(), HostLocal.class);
        assertThat(back).isEqualTo(h);
        assertThat(back.ranges()).containsExactly(List.of(r));
        Bridge b = Bridge.builder().ipam(h).build();
        assertThat(PluginSpec.from(b.toPluginConfig(), Bridge.class).ipam()).contains(h);
    }

    private static Gen<String> jsonValues() {
        return Gen.of("1", "-3", "1.5", "true", "\"x\"", "\"eth0\"", "\"10.0.0.0/24\"", "null", "[]",
                "[[{\"subnet\":\"10.0.0.0/24\"}]]", "{}", "{\"type\":\"host-local\"}", "\"c4j/bad\"", "99999");
    }

    @Test
    void arbitraryKnownKeysGiveAValueOrAConfigException() {
        Seeded.forAll(300, keys().list(0, 6), jsonValues().list(0, 6),
                PluginSpecPropertiesTest::knownKeysGiveAValueOrAConfigException);
    }

    private static void knownKeysGiveAValueOrAConfigException(List<String> keys, List<String> values) {
        StringBuilder sb = new StringBuilder("{\"type\":\"bridge\"");
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            sb.append(",\"").append(keys.get(i)).append("\":").append(values.get(i));
        }
        byte[] json = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
        PluginConfig pc;
        try {
            pc = PluginConfig.fromBytes(json);
        } catch (ConfigException e) {
            return;   // the config model already refuses it (e.g. a non-object ipam)
        }
        try {
            Bridge b = PluginSpec.from(pc, Bridge.class);
            assertThat(PluginSpec.from(b.toPluginConfig(), Bridge.class)).isEqualTo(b);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith("invalid bridge plugin config: ");
        }
    }

    private static Gen<String> keys() {
        return Gen.of("bridge", "mtu", "vlan", "ipMasq", "isGateway", "ipam", "capabilities", "hairpinMode",
                "other", "ipMasqBackend");
    }

    @Test
    void concurrentCreatesGetDistinctSubnets(@TempDir Path confDir, @TempDir Path plugins) throws Exception {
        for (String p : List.of("bridge", "portmap", "firewall", "tuning", "host-local")) {
            Files.write(plugins.resolve(p), new byte[0]);
        }
        NetworkManager nm = NetworkManager.builder(confDir).pluginDirs(List.of(plugins))
                .cacheDir(confDir.resolve("cache")).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<NetworkInfo>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "c4j-par" + i;
                fs.add(pool.submit(() -> nm.create(NetworkSpec.builder(name).build())));
            }
            Set<String> subnets = new java.util.HashSet<>();
            for (Future<NetworkInfo> f : fs) {
                subnets.addAll(f.get().subnets());
            }
            assertThat(subnets).hasSize(8);
            assertThat(nm.list()).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
    }
}
