package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.plugins.Firewall;
import io.github.cni4j.plugins.PluginSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snippets that real tools write (or that plugins certainly refuse), linted with the severity the rule of
 * docs/lint.md gives them: error where Go or the plugin certainly fails, warning where the plugin silently does
 * something else, info otherwise.
 */
class RealWorldSnippetsTest {

    /** What Podman 4.3 (CNI backend) writes for {@code podman network create podman1}. */
    static final String PODMAN = """
            {
               "cniVersion": "0.4.0",
               "name": "podman1",
               "plugins": [
                  {
                     "type": "bridge",
                     "bridge": "cni-podman1",
                     "isGateway": true,
                     "ipMasq": true,
                     "hairpinMode": true,
                     "ipam": {
                        "type": "host-local",
                        "routes": [{"dst": "0.0.0.0/0"}],
                        "ranges": [[{"subnet": "10.89.0.0/24", "gateway": "10.89.0.1"}]]
                     }
                  },
                  {"type": "portmap", "capabilities": {"portMappings": true}},
                  {"type": "firewall", "backend": ""},
                  {"type": "tuning"}
               ],
               "args": {"podman_labels": {"team": "a"}, "podman_options": {"isolate": "true"}}
            }
            """;

    private static List<Diagnostic> lint(String text) {
        return Linter.standard().lint(text, "snippet.conflist");
    }

    private static String bridge(String ipam, String extra) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"n1\",\"plugins\":[{\"type\":\"bridge\",\"bridge\":\"c4jbr0\""
                + extra + ",\"ipam\":" + ipam + "}]}";
    }

    @Test
    void podmansOwnNetworkFileLintsCleanMatchesTheSchemaAndReadsAsTypedConfig() throws Exception {
        assertThat(lint(PODMAN)).isEmpty();
        assertThat(SchemaTest.schema().validate(new ObjectMapper().readTree(PODMAN))).isEmpty();
        PluginConfig fw = NetworkConfigList.fromBytes(PODMAN.getBytes(StandardCharsets.UTF_8)).plugins().get(2);
        assertThat(PluginSpec.from(fw, Firewall.class).backend()).contains("");
    }

    @Test
    void dnsKeysInAnotherCaseAreReadByGoAndAccepted() {
        assertThat(lint(bridge("{\"type\":\"host-local\",\"subnet\":\"10.1.0.0/24\"}",
                ",\"dns\":{\"Nameservers\":[\"10.1.0.1\"],\"Search\":[\"example.com\"]}"))).isEmpty();
    }

    @Test
    void calicosSubstitutedSubnetIsInfoAtMost() {
        String calico = "{\"cniVersion\":\"0.3.1\",\"name\":\"k8s-pod-network\",\"plugins\":[{\"type\":\"calico\","
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"usePodCidr\"}}]}";
        assertThat(lint(calico)).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.INFO));
    }

    @Test
    void aSubnetHostLocalRefusesIsAnError() {
        List<Diagnostic> ds = lint(bridge("{\"type\":\"host-local\",\"subnet\":\"10.1.0.0/33\"}", ""));
        assertThat(ds).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.message()).contains("10.1.0.0/33");
        });
    }

    @Test
    void cni4jsOwnIpRangeRecordIsAccepted() {
        assertThat(lint(bridge("{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"10.20.0.0/24\","
                + "\"rangeStart\":\"10.20.0.128\",\"rangeEnd\":\"10.20.0.254\",\"ipRange\":\"10.20.0.128/25\"}]]}",
                ""))).isEmpty();
    }
}
