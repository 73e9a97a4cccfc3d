package io.github.cni4j.examples.cnitool;

import io.github.cni4j.version.PluginInfo;
import java.util.List;

/** {@code cnitool version [<plugin>]}: the tool's version, or a plugin's VERSION answer. */
final class VersionCommand implements Command {

    static final String TOOL_VERSION = "0.1.0";

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print this tool's version, or the CNI versions a plugin supports";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool version [<plugin>]

                Without an argument, prints the version of this tool and of the CNI spec it speaks.
                With a plugin type (e.g. bridge), finds it in CNI_PATH, runs its VERSION command and prints
                the answer: the plugin's cniVersion and supported versions, as indented JSON.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        if (args.isEmpty()) {
            ctx.out().println("cnitool (cni4j) " + TOOL_VERSION + ", CNI spec 1.1.0");
            return 0;
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException("expected at most one <plugin>");
        }
        PluginInfo info = AttachCommand.invoker(ctx.env()).versionInfo(args.get(0));
        StringBuilder json = new StringBuilder("{\"cniVersion\":\"").append(info.cniVersion())
                .append("\",\"supportedVersions\":[");
        List<String> versions = info.supportedVersions();
        for (int i = 0; i < versions.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(versions.get(i)).append('"');
        }
        ctx.out().println(GoIndent.indent(json.append("]}").toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        return 0;
    }
}
