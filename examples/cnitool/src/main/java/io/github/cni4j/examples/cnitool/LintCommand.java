package io.github.cni4j.examples.cnitool;

import io.github.cni4j.lint.Diagnostic;
import io.github.cni4j.lint.Linter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code cnitool lint [--format text|json|sarif] <file>...}: every problem, with line and column. */
final class LintCommand implements Command {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String summary() {
        return "check .conf/.conflist files and print every problem with its line and column";
    }

    @Override
    public String help() {
        return """
                Usage: cnitool lint [--format text|json|sarif] [--plugins] <file>...

                Prints every problem found, one per line as file:line:col: severity CODE: message
                (or a JSON array, or a SARIF 2.1.0 log for code-scanning tools).
                --plugins also warns about plugin types not installed in CNI_PATH.
                Exit status: 0 when no file has an error (warnings are fine), 1 otherwise.""";
    }

    @Override
    public int run(List<String> args, Context ctx) {
        Function<List<Diagnostic>, String> format = Linter::toText;
        boolean checkPlugins = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--format") || a.startsWith("--format=")) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : next(args, ++i, a);
                format = parseFormat(value);
            } else if (a.equals("--plugins")) {
                checkPlugins = true;
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a);
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("expected at least one file to lint");
        }
        Linter linter = checkPlugins ? Linter.builder().pluginDirs(ctx.env().pluginDirs()).build() : Linter.standard();
        List<Diagnostic> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(linter.lint(file));
        }
        String text = format.apply(all);
        // Text output is line-based already; the JSON documents get a final newline like any other file.
        ctx.out().print(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
        ctx.out().flush();
        return all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR) ? 1 : 0;
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Function<List<Diagnostic>, String> parseFormat(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "text": return Linter::toText;
            case "json": return Linter::toJson;
            case "sarif": return Linter::toSarif;
            default: throw new UsageException("--format must be text, json or sarif, not \"" + value + "\"");
        }
    }
}
