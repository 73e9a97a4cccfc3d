package io.github.cni4j.examples.cnitool;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * cnitool on cni4j: {@code cnitool add|check|del <network> <netns>} exactly like Go's cnitool, plus gc, status,
 * version, validate, lint, ls, netns, network and demo.
 *
 * <p>Exit status: 0 success, 1 a CNI or plugin error (printed as Go's cnitool prints it), 2 a usage error.
 */
public final class CniTool {

    /**
     * The commands in overview order, each with its word and how it is made: one table, and a command object is
     * only made when its word is used (start-up time). Constant bodies rather than lambdas, which a JDK 17 class
     * archive cannot hold.
     */
    private enum Word {
        ADD { Command make() { return new AttachCommand("add"); } },
        CHECK { Command make() { return new AttachCommand("check"); } },
        DEL { Command make() { return new AttachCommand("del"); } },
        GC { Command make() { return new GcCommand(); } },
        STATUS { Command make() { return new StatusCommand(); } },
        VERSION { Command make() { return new VersionCommand(); } },
        VALIDATE { Command make() { return new ValidateCommand(); } },
        LINT { Command make() { return new LintCommand(); } },
        LS { Command make() { return new LsCommand(); } },
        NETNS { Command make() { return new NetnsCommand(); } },
        NETWORK { Command make() { return new NetworkCommand(); } },
        OVERLAY { Command make() { return new OverlayCommand(); } },
        DEMO { Command make() { return new DemoCommand(); } };

        abstract Command make();

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static Command command(String name) {
        for (Word w : Word.values()) {
            if (w.word().equals(name)) {
                return w.make();
            }
        }
        return null;
    }

    /**
     * Runs the tool.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: stdout carries JSON, which must not turn non-ASCII text into '?'.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new CniTool().run(List.of(args), System.getenv(), out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(overview());
            return 2;
        }
        if (isHelp(args.get(0)) || args.get(0).equals("help")) {
            return help(args.subList(1, args.size()), out, err);
        }
        if (args.get(0).equals(CdsTraining.COMMAND)) {
            return CdsTraining.run(ToolEnv.from(environment));
        }
        Command command = command(args.get(0));
        if (command == null) {
            err.println("cnitool: unknown command \"" + args.get(0) + "\"; run `cnitool --help` for the list");
            return 2;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        // A loop, not a stream with a method reference: the first lambda of a run sets up java.lang.invoke, a
        // visible part of a short command's start-up.
        for (String arg : rest) {
            if (isHelp(arg)) {
                out.println(command.help());
                return 0;
            }
        }
        try {
            return command.run(rest, new Command.Context(ToolEnv.from(environment), out, err));
        } catch (UsageException e) {
            err.println("cnitool " + command.name() + ": " + e.getMessage());
            err.println("run `cnitool " + command.name() + " --help` for usage");
            return 2;
        } catch (CniException e) {
            // Go's cnitool prints the error text alone and exits 1.
            err.println(describe(e));
            return 1;
        } catch (ToolException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    /** The error as Go's cnitool prints it, with cni4j's position details unless they only repeat the message. */
    static String describe(CniException e) {
        if (e instanceof ConfigException c && c.line().isEmpty() && c.jsonPointer().isEmpty()
                && e.msg().contains(c.source())) {
            return e.msg();
        }
        return e.getMessage();
    }

    private int help(List<String> topic, PrintStream out, PrintStream err) {
        if (topic.isEmpty()) {
            out.print(overview());
            return 0;
        }
        Command command = command(topic.get(0));
        if (command == null) {
            err.println("cnitool: unknown command \"" + topic.get(0) + "\"; run `cnitool --help` for the list");
            return 2;
        }
        out.println(command.help());
        return 0;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private String overview() {
        StringBuilder sb = new StringBuilder("""
                cnitool (cni4j): run CNI plugins on network namespaces, compatible with Go's cnitool.

                Usage: cnitool <command> [arguments]    (cnitool <command> --help for details)

                Commands:
                """);
        for (Word w : Word.values()) {
            sb.append(String.format("  %-9s %s%n", w.word(), w.make().summary()));
        }
        sb.append("""

                Environment: NETCONFPATH (default /etc/cni/net.d), CNI_PATH (default /opt/cni/bin:/usr/lib/cni),
                CNI_IFNAME (default eth0), CNI_ARGS (K=V;K2=V2), CAP_ARGS (JSON object), CNI_CACHE_DIR
                (default /var/lib/cni), CNI4J_CLUSTER_STORE (etcd://IP:PORT,... for overlay networks).
                """);
        return sb.toString();
    }
}
