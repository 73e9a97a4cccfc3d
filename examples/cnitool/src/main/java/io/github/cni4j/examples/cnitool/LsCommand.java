package io.github.cni4j.examples.cnitool;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.config.ConfLoader;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.config.PluginConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code cnitool ls}: the networks in NETCONFPATH with their plugin chains, and files that do not load. */
final class LsCommand implements Command {

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String summary() {
        return "list the networks in NETCONFPATH with their plugins";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool ls

                One line per configuration file in NETCONFPATH: network name, cniVersion, plugin chain, file.
                Files that do not load are listed with their error (exit status 1).""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        if (!args.isEmpty()) {
            throw new UsageException("ls takes no arguments");
        }
        int status = 0;
        ctx.out().printf("%-24s %-8s %-40s %s%n", "NAME", "VERSION", "PLUGINS", "FILE");
        for (Path file : ConfLoader.confFiles(ctx.env().confDir())) {
            try {
                NetworkConfigList list = file.toString().endsWith(".conflist")
                        ? NetworkConfigList.fromFile(file)
                        : NetworkConfigList.of(PluginConfig.fromFile(file));
                String chain = list.plugins().stream().map(PluginConfig::type).collect(Collectors.joining(","));
                ctx.out().printf("%-24s %-8s %-40s %s%n", list.name(), list.cniVersion(), chain, file);
            } catch (ConfigException e) {
                // The message names the file (with line and column) when the file itself is bad.
                ctx.err().println(e.source().isEmpty() ? file + ": " + e.getMessage() : e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
