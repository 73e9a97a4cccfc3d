package io.github.cni4j.examples.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.lint.EditorServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniLanguageServerTest {

    /** Line 6 has an emoji (two UTF-16 units) before the misspelt key: LSP columns differ from code points. */
    static final String BROKEN = """
            {
              "cniVersion": "1.0.0",
              "name": "net",
              "plugins": [
                {
                  "_c": "\uD83D\uDE00", "type": "bridge", "bridge": "cni0", "isGatway": true,
                  "ipam": {"type": "host-local", "subnet": "10.1.0.0/24"}
                },
                {"type": "portmap", "capabilities": {"portMappings": true}, }
              ]
            }
            """;
    static final String URI = "file:///tmp/c4j-lsp/10-net.conflist";

    private LspClient lsp;

    @BeforeEach
    void start() throws Exception {
        lsp = new LspClient(EditorServices.standard());
        InitializeResult init = lsp.server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
        assertThat(init.getCapabilities().getHoverProvider().getLeft()).isTrue();
        assertThat(init.getCapabilities().getCompletionProvider()).isNotNull();
        lsp.server.initialized(new InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    private void open(String uri, String text) {
        lsp.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, uri.endsWith(".json") ? "json" : "jsonc", 1, text)));
    }

    private Diagnostic typo(List<Diagnostic> ds) {
        return ds.stream().filter(d -> d.getMessage().contains("isGatway")).findFirst().orElseThrow();
    }

    @Test
    void publishesDiagnosticsWithUtf16RangesOnOpenAndChange() throws Exception {
        open(URI, BROKEN);
        var published = lsp.nextDiagnostics();
        assertThat(published.getUri()).isEqualTo(URI);
        Diagnostic d = typo(published.getDiagnostics());
        assertThat(d.getSource()).isEqualTo("cni4j");
        assertThat(d.getCode().getLeft()).isEqualTo("CNI0100");
        String line = BROKEN.lines().toList().get(5);
        int utf16 = line.indexOf("\"isGatway\"");
        assertThat(d.getRange()).isEqualTo(new Range(new Position(5, utf16), new Position(5, utf16 + 10)));

        String fixed = BROKEN.replace("isGatway", "isGateway");
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2), List.of(new TextDocumentContentChangeEvent(fixed))));
        assertThat(lsp.nextDiagnostics().getDiagnostics()).noneMatch(x -> x.getMessage().contains("isGatway"));

        lsp.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        assertThat(lsp.nextDiagnostics().getDiagnostics()).isEmpty();
    }

    @Test
    void codeActionCarriesTheQuickFixAsAWorkspaceEdit() throws Exception {
        open(URI, BROKEN);
        Diagnostic d = typo(lsp.nextDiagnostics().getDiagnostics());
        List<CodeAction> actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(URI), d.getRange(), new CodeActionContext(List.of(d))))
                .get(10, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
        CodeAction fix = actions.stream().filter(a -> a.getTitle().equals("Change to \"isGateway\"")).findFirst()
                .orElseThrow();
        assertThat(fix.getKind()).isEqualTo("quickfix");
        assertThat(fix.getDiagnostics()).containsExactly(d);
        List<TextEdit> edits = fix.getEdit().getChanges().get(URI);
        assertThat(edits).containsExactly(new TextEdit(d.getRange(), "\"isGateway\""));
        assertThat(LspClient.apply(BROKEN, edits)).isEqualTo(BROKEN.replace("isGatway", "isGateway"));
    }

    @Test
    void completesTheFieldsOfThePluginUnderTheCursor() throws Exception {
        open(URI, BROKEN);
        lsp.nextDiagnostics();
        String line = BROKEN.lines().toList().get(8);
        Position cursor = new Position(8, line.indexOf(", }") + 2);
        var result = lsp.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(URI), cursor)).get(10, TimeUnit.SECONDS);
        List<CompletionItem> items = result.getRight().getItems();
        assertThat(items).extracting(CompletionItem::getLabel).contains("snat", "masqAll")
                .doesNotContain("type", "capabilities");
        CompletionItem snat = items.stream().filter(i -> i.getLabel().equals("snat")).findFirst().orElseThrow();
        assertThat(snat.getTextEdit().getLeft()).isEqualTo(new TextEdit(new Range(cursor, cursor), "\"snat\": "));
    }

    @Test
    void hoverAfterTheEmojiUsesUtf16Columns() throws Exception {
        open(URI, BROKEN);
        lsp.nextDiagnostics();
        String line = BROKEN.lines().toList().get(5);
        int key = line.indexOf("\"bridge\":");
        var hover = lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                new Position(5, key + 3))).get(10, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getKind()).isEqualTo("markdown");
        assertThat(hover.getContents().getRight().getValue()).startsWith("**bridge** · string · bridge");
        assertThat(hover.getRange()).isEqualTo(new Range(new Position(5, key), new Position(5, key + 8)));
    }

    @Test
    void plainJsonIsLeftAloneUnlessItHoldsACniVersion() throws Exception {
        open("file:///tmp/c4j-lsp/package.json", "{\"name\": \"x\", \"version\": \"1\"}");
        open("file:///tmp/c4j-lsp/net.json", "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"type\": \"brige\"}");
        var published = lsp.nextDiagnostics();
        assertThat(published.getUri()).endsWith("net.json");
        assertThat(published.getDiagnostics()).isNotEmpty();
        var none = lsp.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier("file:///tmp/c4j-lsp/package.json"), new Position(0, 1)))
                .get(10, TimeUnit.SECONDS);
        assertThat(none.getRight().getItems()).isEmpty();
        assertThat(lsp.server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier("file:///tmp/c4j-lsp/package.json"), new Position(0, 3)))
                .get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void completesTheBinariesOfCniPathAsPluginTypes(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("c4j-plugin")).toFile().setExecutable(true);
        try (LspClient withPath = new LspClient(EditorServices.of(CniLanguageServer.linter(
                dir + ":" + dir.resolve("c4j-missing"))))) {
            withPath.server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
            String text = "{\"cniVersion\": \"1.0.0\", \"name\": \"n\", \"plugins\": [{\"type\": \"c4\"}]}";
            withPath.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "json", 1, text)));
            withPath.nextDiagnostics();
            var items = withPath.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(URI), new Position(0, text.indexOf("\"c4\"") + 3)))
                    .get(10, TimeUnit.SECONDS).getRight().getItems();
            assertThat(items).extracting(CompletionItem::getLabel).contains("c4j-plugin", "bridge");
        }
    }

    @Test
    void exitCodeDependsOnShutdown() throws Exception {
        lsp.server.shutdown().get(10, TimeUnit.SECONDS);
        lsp.server.exit();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lsp.exitCode.get() < 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(lsp.exitCode.get()).isZero();
    }
}
