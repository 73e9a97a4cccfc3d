package io.github.cni4j.examples.cnitool;

import io.github.cni4j.CniException;
import io.github.cni4j.ConfigException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cnitool on cni4j: {@code cnitool add|check|del <network> <netns>} exactly like Go's cnitool, plus gc, status,
 * version, validate, lint, ls, netns, network and demo.
 *
 * <p>Exit status: 0 success, 1 a CNI or plugin error (printed as Go's cnitool prints it), 2 a usage error.
 */
public final class CniTool {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    CniTool() {
        for (Command c : List.of(new AttachCommand("add"), new AttachCommand("check"), new AttachCommand("del"),
                new GcCommand(), new StatusCommand(), new VersionCommand(), new ValidateCommand(),
                new LintCommand(), new LsCommand(), new NetnsCommand(), new NetworkCommand(), new DemoCommand())) {
            commands.put(c.name(), c);
        }
    }

    /**
     * Runs the tool.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CniTool().run(List.of(args), System.getenv(), System.out, System.err));
    }

    int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.isEmpty() || isHelp(args.get(0))) {
            out.print(overview());
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("cnitool: unknown command \"" + args.get(0) + "\"; run `cnitool --help` for the list");
            return 2;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.stream().anyMatch(CniTool::isHelp)) {
            out.println(command.help());
            return 0;
        }
        try {
            return command.run(rest, new Command.Context(ToolEnv.from(environment), out, err));
        } catch (UsageException e) {
            err.println("cnitool " + command.name() + ": " + e.getMessage());
            err.println("run `cnitool " + command.name() + " --help` for usage");
            return 2;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (CniException e) {
            // Go's cnitool prints the error text and exits 1.
            err.println(e.getMessage());
            return 1;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private String overview() {
        StringBuilder sb = new StringBuilder("""
                cnitool (cni4j): run CNI plugins on network namespaces, compatible with Go's cnitool.

                Usage: cnitool <command> [arguments]    (cnitool <command> --help for details)

                Commands:
                """);
        commands.values().forEach(c -> sb.append(String.format("  %-9s %s%n", c.name(), c.summary())));
        sb.append("""

                Environment: NETCONFPATH (default /etc/cni/net.d), CNI_PATH (default /opt/cni/bin:/usr/lib/cni),
                CNI_IFNAME (default eth0), CNI_ARGS (K=V;K2=V2), CAP_ARGS (JSON object), CNI_CACHE_DIR
                (default /var/lib/cni).
                """);
        return sb.toString();
    }
}
