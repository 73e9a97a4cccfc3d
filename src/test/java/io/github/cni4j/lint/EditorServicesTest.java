package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorServicesTest {

    static final String BROKEN = """
            {
              "cniVersion": "1.0.0",
              "name": "net",
              "isGateway": true,
              "plugins": [
                {
                  "type": "bridge",
                  "isGatway": true,
                  "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}
                },
                {
                  "type": "portmap",
                  "capabilities": {"portMappings": true},
                  "backend": "iptabels"
                }
              ]
            }
            """;

    private final EditorServices services = EditorServices.standard();

    /** Applies edits, which refer to the unchanged text, from the last to the first. */
    static String apply(String text, List<EditorServices.QuickFix.Edit> edits) {
        List<EditorServices.QuickFix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((EditorServices.QuickFix.Edit e) -> e.range().startLine())
                .thenComparingInt(e -> e.range().startColumn()).reversed());
        String out = text;
        for (EditorServices.QuickFix.Edit e : sorted) {
            int start = offset(out, e.range().startLine(), e.range().startColumn());
            int end = offset(out, e.range().endLine(), e.range().endColumn());
            out = out.substring(0, start) + e.newText() + out.substring(end);
        }
        return out;
    }

    static int offset(String text, int line, int column) {
        int off = 0;
        for (int l = 1; l < line; l++) {
            off = text.indexOf('\n', off) + 1;
        }
        return off + column - 1;
    }

    private EditorServices.QuickFix onlyFix(String text, String name, Diagnostic d) {
        List<EditorServices.QuickFix> fixes = services.quickFixes(text, name, d.range()).stream()
                .filter(f -> f.code().equals(d.code())).toList();
        assertThat(fixes).hasSize(1);
        return fixes.get(0);
    }

    private Diagnostic find(String text, String name, String code, String pointer) {
        return services.diagnostics(text, name).stream()
                .filter(d -> d.code().equals(code) && d.jsonPointer().equals(pointer)).findFirst().orElseThrow();
    }

    @Test
    void didYouMeanRenamesTheKey() {
        Diagnostic d = find(BROKEN, "a.conflist", "CNI0100", "/plugins/0/isGatway");
        EditorServices.QuickFix fix = onlyFix(BROKEN, "a.conflist", d);
        assertThat(fix.title()).isEqualTo("Change to \"isGateway\"");
        assertThat(fix.edits())
                .containsExactly(new EditorServices.QuickFix.Edit(new Diagnostic.Range(8, 7, 8, 17), "\"isGateway\""));
    }

    @Test
    void didYouMeanReplacesTheValue() {
        Diagnostic d = find(BROKEN, "a.conflist", "CNI0115", "/plugins/1/backend");
        EditorServices.QuickFix fix = onlyFix(BROKEN, "a.conflist", d);
        assertThat(fix.edits())
                .containsExactly(new EditorServices.QuickFix.Edit(new Diagnostic.Range(14, 18, 14, 28),
                        "\"iptables\""));
    }

    @Test
    void listLevelSettingMovesIntoThePluginThatReadsIt() {
        Diagnostic d = find(BROKEN, "a.conflist", "CNI0100", "/isGateway");
        EditorServices.QuickFix fix = onlyFix(BROKEN, "a.conflist", d);
        assertThat(fix.title()).isEqualTo("Move \"isGateway\" into plugin \"bridge\"");
        String fixed = apply(BROKEN, fix.edits());
        assertThat(fixed).startsWith("""
                {
                  "cniVersion": "1.0.0",
                  "name": "net",
                  "plugins": [
                    {
                      "isGateway": true,
                      "type": "bridge",
                """);
        assertThat(services.diagnostics(fixed, "a.conflist")).noneMatch(x -> x.jsonPointer().equals("/isGateway"));
    }

    @Test
    void missingVersionIsAddedFirst() {
        String text = "{\n  \"name\": \"n\",\n  \"plugins\": [{\"type\": \"loopback\"}]\n}\n";
        Diagnostic d = find(text, "a.conflist", "CNI0014", "/cniVersion");
        EditorServices.QuickFix fix = onlyFix(text, "a.conflist", d);
        assertThat(fix.edits())
                .containsExactly(new EditorServices.QuickFix.Edit(Diagnostic.Range.at(2, 3),
                        "\"cniVersion\": \"1.0.0\",\n  "));
        assertThat(apply(text, fix.edits())).isEqualTo(
                "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"n\",\n  \"plugins\": [{\"type\": \"loopback\"}]\n}\n");
    }

    @Test
    void quotedBooleanLosesItsQuotes() {
        String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"bridge\", "
                + "\"isGateway\": \"true\"}]}";
        Diagnostic d = find(text, "a.conflist", "CNI0101", "/plugins/0/isGateway");
        assertThat(apply(text, onlyFix(text, "a.conflist", d).edits())).contains("\"isGateway\": true}");
    }

    @Test
    void singleConfWrapsIntoAList() {
        String conf = """
                {
                  "cniVersion": "0.4.0",
                  "name": "one",
                  "type": "bridge",
                  "ipam": {"type": "dhcp"}
                }
                """;
        List<EditorServices.QuickFix> fixes = services.quickFixes(conf, "10-one.conf", Diagnostic.Range.at(4, 5));
        EditorServices.QuickFix wrap = fixes.stream().filter(f -> f.code().isEmpty()).findFirst().orElseThrow();
        assertThat(wrap.title()).isEqualTo("Convert to a plugin list (.conflist)");
        String list = apply(conf, wrap.edits());
        assertThat(list).isEqualTo("""
                {
                  "cniVersion": "0.4.0",
                  "name": "one",
                  "plugins": [
                    {
                      "type": "bridge",
                      "ipam": {"type": "dhcp"}
                    }
                  ]
                }
                """);
        assertThat(services.diagnostics(list, "10-one.conflist")).isEmpty();
    }

    @Test
    void completesTheFieldsOfThePluginUnderTheCursor() {
        String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"macvlan\", }]}";
        int col = text.indexOf(", }") + 3;
        List<EditorServices.Completion> items = services.completion(text, 1, col);
        assertThat(items).extracting(EditorServices.Completion::label).contains("master", "mode", "mtu", "ipam")
                .doesNotContain("type", "isGateway", "runtimeConfig");
        EditorServices.Completion master = items.stream().filter(i -> i.label().equals("master")).findFirst()
                .orElseThrow();
        assertThat(master).isEqualTo(new EditorServices.Completion("master", EditorServices.Completion.Kind.FIELD,
                "string, macvlan",
                "\"master\": ", Diagnostic.Range.at(1, col)));
    }

    @Test
    void completesAPartlyTypedKey() {
        String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"bridge\", \"isG\"}]}";
        int start = text.indexOf("\"isG\"") + 1;
        List<EditorServices.Completion> items = services.completion(text, 1, start + 3);
        assertThat(items).extracting(EditorServices.Completion::label).contains("isGateway", "isDefaultGateway");
        assertThat(items.get(0).replace()).isEqualTo(new Diagnostic.Range(1, start, 1, start + 5));
    }

    @Test
    void completesEnumValuesVersionsAndCapabilities() {
        String text = "{\"cniVersion\": \"\", \"name\": \"n\", \"plugins\": [{\"type\": \"macvlan\", \"mode\": \"\","
                + " \"capabilities\": {}}, {\"type\": \"portmap\", \"capabilities\": {}}]}";
        assertThat(services.completion(text, 1, text.indexOf("\"\"") + 2)).extracting(EditorServices.Completion::label)
                .containsExactly("1.1.0", "1.0.0", "0.4.0", "0.3.1", "0.3.0", "0.2.0", "0.1.0");
        int mode = text.indexOf("\"mode\": \"\"") + 10;
        assertThat(services.completion(text, 1, mode)).extracting(EditorServices.Completion::insertText)
                .containsExactly("\"bridge\"", "\"passthru\"", "\"private\"", "\"vepa\"");
        int caps = text.lastIndexOf("{}") + 2;
        assertThat(services.completion(text, 1, caps)).extracting(EditorServices.Completion::insertText)
                .containsExactly("\"portMappings\": true");
    }

    @Test
    void completesPluginTypesWithInstalledBinaries(@TempDir Path dir) throws IOException {
        Path bin = Files.createFile(dir.resolve("my-plugin"));
        bin.toFile().setExecutable(true);
        EditorServices withDir = EditorServices.of(Linter.builder().addPluginDir(dir).build());
        String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"br\", "
                + "\"ipam\": {\"type\": }}]}";
        int col = text.indexOf("\"br\"") + 3;
        List<EditorServices.Completion> types = withDir.completion(text, 1, col);
        assertThat(types).extracting(EditorServices.Completion::label).contains("bridge", "portmap", "my-plugin")
                .doesNotContain("host-local");
        assertThat(types.get(0).replace()).isEqualTo(new Diagnostic.Range(1, col - 2, 1, col + 2));
        int ipam = text.indexOf("\"type\": }") + 8;
        assertThat(withDir.completion(text, 1, ipam)).extracting(EditorServices.Completion::label)
                .containsExactly("host-local", "static", "dhcp", "my-plugin");
    }

    @Test
    void hoverShowsDocumentationTypeAndDefault() {
        String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"bridge\", "
                + "\"bridge\": \"cni0\"}]}";
        int col = text.indexOf("\"bridge\":") + 3;
        EditorServices.Hover h = services.hover(text, 1, col).orElseThrow();
        assertThat(h.markdown()).isEqualTo("**bridge** · string · bridge\n\nThe bridge device name (plugin default "
                + "`cni0`).\n\nDefault: `cni0`");
        assertThat(h.range()).isEqualTo(new Diagnostic.Range(1, col - 2, 1, col + 6));
        int type = text.indexOf("\"bridge\",") + 2;
        assertThat(services.hover(text, 1, type).orElseThrow().markdown()).startsWith(
                "**bridge**: main plugin, creates the interface\n\nFields: bridge, disableContainerInterface");
        assertThat(services.hover(text, 1, 3).orElseThrow().markdown()).contains("specification version of the list");
        assertThat(services.hover("[]", 1, 2)).isEmpty();
    }

    @Test
    void warmLatencyIsPrinted() {
        StringBuilder b = new StringBuilder("{\"cniVersion\": \"1.0.0\", \"name\": \"six\", \"plugins\": [\n");
        String[] plugins = {"{\"type\": \"bridge\", \"bridge\": \"cni0\", \"isGateway\": true, \"ipMasq\": true, "
                + "\"ipam\": {\"type\": \"host-local\", \"ranges\": [[{\"subnet\": \"10.1.0.0/24\"}]], "
                + "\"routes\": [{\"dst\": \"0.0.0.0/0\"}]}}", "{\"type\": \"portmap\", \"capabilities\": "
                + "{\"portMappings\": true}}", "{\"type\": \"firewall\"}", "{\"type\": \"tuning\", \"mtu\": 1400}",
                "{\"type\": \"bandwidth\", \"capabilities\": {\"bandwidth\": true}}", "{\"type\": \"sbr\"}"};
        b.append(String.join(",\n", plugins)).append("\n]}\n");
        String text = b.toString();
        Diagnostic.Range all = new Diagnostic.Range(1, 1, 9, 1);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            services.diagnostics(text, "six.conflist");
            services.quickFixes(text, "six.conflist", all);
            services.completion(text, 5, 20);
            services.hover(text, 2, 12);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            services.diagnostics(text, "six.conflist");
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            services.quickFixes(text, "six.conflist", all);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            services.completion(text, 5, 20);
        }
        long t3 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            services.hover(text, 2, 12);
        }
        long t4 = System.nanoTime();
        System.out.printf("EditorServices warm latency, 6-plugin conflist: diagnostics %.1f us, quickFixes %.1f us,"
                + " completion %.1f us, hover %.1f us%n", (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n,
                (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n);
        assertThat(services.completion(text, 5, 20)).isNotEmpty();
    }
}
