package io.github.cni4j.examples.cnitool;

import io.github.cni4j.CniException;
import io.github.cni4j.config.NetworkConfig;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.lint.LintFormat;
import io.github.cni4j.lint.Linter;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's training run after a build ({@code cnitool __cds-training}): loads the classes a real
 * {@code add} loads (config parsing, the invoker, process spawning through a plugin's VERSION, result encoding,
 * the linter) without touching the machine, so the class-data-sharing archive dumped at its exit serves every
 * later command, not just whichever ran first.
 */
final class CdsTraining {

    static final String COMMAND = "__cds-training";

    private static final String CONFLIST = """
            {"cniVersion": "1.0.0", "name": "c4j-training", "plugins": [
              {"type": "bridge", "bridge": "c4jtrain0", "isGateway": true, "ipMasq": true,
               "ipam": {"type": "host-local", "subnet": "10.88.0.0/16"}},
              {"type": "portmap", "capabilities": {"portMappings": true}}]}
            """;
    private static final String RESULT = "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"c4jtrain0\","
            + "\"mac\":\"02:00:00:00:00:01\"},{\"name\":\"eth0\",\"mac\":\"02:00:00:00:00:02\","
            + "\"sandbox\":\"/run/netns/c4j-training\"}],\"ips\":[{\"interface\":1,\"address\":\"10.88.0.2/16\","
            + "\"gateway\":\"10.88.0.1\"}],\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.88.0.1\"}],"
            + "\"dns\":{\"nameservers\":[\"10.88.0.1\"]}}";

    private CdsTraining() {
    }

    static int run(ToolEnv env) {
        byte[] conflist = CONFLIST.getBytes(StandardCharsets.UTF_8);
        NetworkConfigList list = NetworkConfigList.fromBytes(conflist, "training");
        NetworkConfigList.of(NetworkConfig.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"c4j\",\"type\":"
                + "\"bridge\"}").getBytes(StandardCharsets.UTF_8)));
        RuntimeConf.builder().containerId(ToolEnv.containerId(Path.of("/run/netns/c4j-training")))
                .netNs("/run/netns/c4j-training").ifName("eth0").addArg("IgnoreUnknown", "1")
                .capabilityArgs(Map.of("portMappings", java.util.List.of())).build();
        GoIndent.indent(Result.fromBytes(RESULT.getBytes(StandardCharsets.UTF_8)).toBytes());
        LintFormat.TEXT.format(Linter.standard().lint(CONFLIST, "training.conflist"));
        CniInvoker invoker = AttachCommand.invoker(env);
        try {
            // VERSION has no side effects; it exercises plugin lookup, spawning and answer parsing.
            invoker.versionInfo(list.plugins().get(0).type());
        } catch (CniException e) {
            // No plugins installed: the archive then lacks the spawn path, which is fine.
        }
        return 0;
    }
}
