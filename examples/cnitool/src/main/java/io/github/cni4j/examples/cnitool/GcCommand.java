package io.github.cni4j.examples.cnitool;

import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cnitool gc <network> [--valid <container>...]}: CNI GC, which releases every attachment of the network
 * except the valid ones (Go's cnitool passes none, so it releases them all).
 */
final class GcCommand implements Command {

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public String summary() {
        return "garbage-collect a network: release every attachment except the --valid ones";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool gc <network> [<netns-path>] [--valid <attachment>]...

                Runs CNI GC for the network: its plugins release every resource (IP reservations, iptables
                chains...) that does not belong to a valid attachment. Without --valid, every attachment of the
                network is released, as with Go's cnitool (which also takes, and ignores, a netns path).
                <attachment> is a container id (with CNI_IFNAME, default eth0), <container-id>/<ifname>, or the
                netns path a cnitool `add` used (its derived cnitool-... id).
                Needs plugins and a config with cniVersion 1.1.0; older plugins ignore GC.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        List<String> positional = new ArrayList<>();
        List<GcAttachment> valid = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--valid")) {
                if (++i >= args.size()) {
                    throw new UsageException("--valid needs a container id, <id>/<ifname> or a netns path");
                }
                valid.add(attachment(args.get(i), ctx.env().ifName()));
            } else if (a.startsWith("--valid=")) {
                valid.add(attachment(a.substring("--valid=".length()), ctx.env().ifName()));
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            throw new UsageException("expected <network> [<netns-path>]");
        }
        NetworkConfigList network = ConfLoader.loadConfList(ctx.env().confDir(), positional.get(0));
        if (valid.isEmpty()) {
            AttachCommand.invoker(ctx.env()).gc(network); // Go's cnitool: no valid attachments at all
        } else {
            AttachCommand.invoker(ctx.env()).gc(network, valid);
        }
        return 0;
    }

    static GcAttachment attachment(String spec, String defaultIfName) {
        if (spec.isEmpty()) {
            throw new UsageException("--valid needs a non-empty value");
        }
        if (spec.startsWith("/")) {
            return new GcAttachment(ToolEnv.containerId(Path.of(spec)), defaultIfName);
        }
        int slash = spec.lastIndexOf('/');
        if (slash > 0 && slash < spec.length() - 1) {
            return new GcAttachment(spec.substring(0, slash), spec.substring(slash + 1));
        }
        return new GcAttachment(spec, defaultIfName);
    }
}
