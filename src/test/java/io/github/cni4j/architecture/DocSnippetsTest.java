package io.github.cni4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README and docs/*.md compiles against the library, as a user would paste it:
 * under wildcard imports of every exported package (so two public types of one simple name break it, as they
 * would break the user's file), with only a few free names given (a {@code cni}, a {@code result}, the bytes a
 * plugin printed, {@code startServer()}).
 *
 * <p>A block that declares a type or a method is compiled as class members; any other block as the body of a
 * method. {@code = ...;} in a block stands for "some value" and compiles as such.
 */
class DocSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^```java\\s*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern DECLARES_MEMBERS = Pattern.compile(
            "(?m)^(@\\w+|(public |private |static |final |abstract )*(class|record|interface|enum) \\w+|"
                    + "(public |private |static )*void \\w+\\()");

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (static )?[\\w.*]+;[ \\t]*$");

    private static final String IMPORTS = String.join("\n",
            "import io.github.cni4j.*;",
            "import io.github.cni4j.error.*;",
            "import io.github.cni4j.config.*;",
            "import io.github.cni4j.result.*;",
            "import io.github.cni4j.version.*;",
            "import io.github.cni4j.invoke.*;",
            "import io.github.cni4j.cache.*;",
            "import io.github.cni4j.netns.*;",
            "import io.github.cni4j.lint.*;",
            "import io.github.cni4j.plugins.*;",
            "import java.io.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import org.junit.jupiter.api.*;",
            "");

    /** The names the docs use without declaring them, as a reader's surrounding code would have them. */
    private static final String CONTEXT = String.join("\n",
            "  Cni cni = Cni.builder().build();",
            "  Result result = Result.builder().cniVersion(CniVersion.V1_0_0).build();",
            "  byte[] pluginStdout, stdout, versionStdout, failedStdout;",
            "  Path netns = Path.of(\"/var/run/netns/web-1\");",
            "  CniInvoker invoker = CniInvoker.builder().build();",
            "  NetworkConfigList list;",
            "  RuntimeConf rt;",
            "  NetworkConfigList net;",
            "  PluginConfig pluginConfig;",
            "  Bridge bridge;",
            "  NetNs ns;",
            "  String id, text, jsonText, inFlightId, liveId, netnsPath;",
            "  byte[] json;",
            "  Path dir, path;",
            "  static void startAcceptLoop(ServerSocket socket) {}",
            "  static void startServer() {}",
            "  static void scrape(String target) {}",
            "  static <T> T some() { return null; }",
            "");

    record Snippet(Path doc, int line, String code) {
        String className() {
            String base = doc.getFileName().toString().replaceAll("\\W", "_");
            return "Snippet_" + base + "_" + line;
        }

        String source() {
            String body = code.replaceAll("=\\s*\\.\\.\\.\\s*;", "= some();");
            // A block's own imports go on the first line of the unit, so that line numbers still map back.
            StringBuilder own = new StringBuilder();
            Matcher imports = IMPORT.matcher(body);
            while (imports.find()) {
                own.append(imports.group().strip()).append(' ');
            }
            body = IMPORT.matcher(body).replaceAll("");
            boolean members = DECLARES_MEMBERS.matcher(body).find();
            StringBuilder sb = new StringBuilder(own).append(IMPORTS);
            sb.append("@SuppressWarnings(\"all\") class ").append(className()).append(" {\n").append(CONTEXT);
            // Line numbers of the compiler map back to the document: the block starts at a known offset.
            sb.append(members ? "" : "  void run() throws Exception {\n");
            sb.append(body).append('\n');
            sb.append(members ? "" : "  }\n").append("}\n");
            return sb.toString();
        }

        int firstCodeLine() {
            long before = (IMPORTS + "x {\n" + CONTEXT).lines().count() + (DECLARES_MEMBERS.matcher(code).find() ? 0 : 1);
            return (int) before + 1;
        }
    }

    static List<Snippet> snippets() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Snippet> out = new ArrayList<>();
        for (Path doc : docs) {
            String text = Files.readString(doc);
            Matcher m = FENCE.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
                out.add(new Snippet(root.relativize(doc), line, m.group(1)));
            }
        }
        return out;
    }

    @Test
    void everyJavaBlockOfTheDocsCompiles() throws IOException {
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("java blocks found in README.md and docs/").hasSizeGreaterThan(20);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Snippet s : snippets) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + s.className() + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.source();
                }
            });
        }
        Path out = Files.createTempDirectory("c4j-snippets");
        try {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-Xlint:none");
            javac.getTask(null, null, diagnostics, options, null, units).call();
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Snippet s = snippets.stream().filter(x -> d.getSource().getName().contains(x.className())).findFirst()
                    .orElseThrow();
            long docLine = s.line() + d.getLineNumber() - s.firstCodeLine();
            errors.add(s.doc() + ":" + docLine + ": " + d.getMessage(Locale.ROOT).replaceAll("\\s*\\n\\s*", " "));
        }
        assertThat(errors).as("compile errors of doc snippets (file:line: message)").isEmpty();
    }
}
