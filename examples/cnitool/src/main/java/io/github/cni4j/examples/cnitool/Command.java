package io.github.cni4j.examples.cnitool;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the tool. */
interface Command {

    /** The word that selects it, e.g. {@code add}. */
    String name();

    /** One line for the overview. */
    String summary();

    /** The full help text printed by {@code cnitool <name> --help}. */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command word
     * @param ctx environment and output streams
     * @return the exit status
     */
    int run(List<String> args, Context ctx);

    /** What every command gets: the parsed environment and where to print. */
    record Context(ToolEnv env, PrintStream out, PrintStream err) {
    }
}
