package io.github.cni4j.examples.cnitool;

import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import java.util.Collection;
import java.util.List;

/** {@code cnitool validate <network>}: libcni's ValidateNetworkList, which asks every plugin about the config. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check a network against its installed plugins (versions, capabilities)";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool validate <network>

                Does what libcni's ValidateNetworkList does: finds every plugin of the network in CNI_PATH, asks
                each for its supported versions (VERSION) and checks the config's cniVersion against them.
                Prints the capabilities the network supports, one per line. For a file-level check with line
                and column, see `cnitool lint`.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException("expected exactly one <network>");
        }
        NetworkConfigList network = ConfLoader.loadConfList(ctx.env().confDir(), args.get(0));
        Collection<String> capabilities = AttachCommand.invoker(ctx.env()).validate(network);
        capabilities.forEach(ctx.out()::println);
        return 0;
    }
}
