package io.github.cni4j.examples.cnitool;

import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import java.util.List;

/** {@code cnitool status <network>}: CNI STATUS, whether the network's plugins are ready for ADD. */
final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "ask the network's plugins whether they are ready to ADD";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool status <network> [<netns-path>]

                Runs CNI STATUS on every plugin of the network. Prints nothing and exits 0 when the network is
                ready; otherwise prints the plugin's error and exits 1. Plugins and configs older than
                cniVersion 1.1.0 do not know STATUS and count as ready. (Go's cnitool takes, and ignores, a
                netns path here too.)""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        if (args.isEmpty() || args.size() > 2 || args.get(0).startsWith("-")) {
            throw new UsageException("expected <network> [<netns-path>]");
        }
        NetworkConfigList network = ConfLoader.loadConfList(ctx.env().confDir(), args.get(0));
        AttachCommand.invoker(ctx.env()).status(network);
        return 0;
    }
}
