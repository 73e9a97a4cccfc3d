package io.github.cni4j.examples.lsp;

import io.github.cni4j.lint.EditorServices;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open documents (full sync) and the LSP requests on them. Every request converts LSP's 0-based UTF-16
 * positions with {@link Positions} and hands the text to {@link EditorServices}; documents that are not CNI
 * configurations get no diagnostics, fixes, completion or hover.
 */
final class CniDocuments implements TextDocumentService {

    /** The text of an open document, with its position map, and whether it is a CNI configuration. */
    private record Doc(String text, Positions positions, boolean cni) {
    }

    private final EditorServices services;
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private volatile LanguageClient client;

    CniDocuments(EditorServices services) {
        this.services = services;
    }

    void connect(LanguageClient c) {
        this.client = c;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        update(params.getTextDocument().getUri(), params.getTextDocument().getText());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var changes = params.getContentChanges();
        if (!changes.isEmpty()) {   // full sync: the last change holds the whole text
            update(params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText());
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Doc old = docs.remove(uri);
        if (old != null && old.cni()) {
            publish(uri, List.of());
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Full sync already delivered the saved text.
    }

    /** CNI files by extension; any other file (JSON, usually) only when it holds a cniVersion key. */
    static boolean isCni(String uri, String text) {
        String name = name(uri);
        return name.endsWith(".conflist") || name.endsWith(".conf") || text.contains("\"cniVersion\"");
    }

    private void update(String uri, String text) {
        Doc doc = new Doc(text, new Positions(text), isCni(uri, text));
        Doc old = docs.put(uri, doc);
        if (!doc.cni()) {
            if (old != null && old.cni()) {
                publish(uri, List.of());   // it stopped being a CNI file: clear what was shown
            }
            return;
        }
        List<Diagnostic> out = new ArrayList<>();
        for (io.github.cni4j.lint.Diagnostic d : services.diagnostics(text, name(uri))) {
            String message = d.message() + d.fix().map(f -> " (" + f + ")").orElse("");
            out.add(new Diagnostic(doc.positions().range(d.range()), message,
                    severity(d.severity()), "cni4j", d.code()));
        }
        publish(uri, out);
    }

    private void publish(String uri, List<Diagnostic> diagnostics) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
        }
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        Doc doc = docs.get(uri);
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (doc != null && doc.cni()) {
            List<Diagnostic> shown = params.getContext() == null || params.getContext().getDiagnostics() == null
                    ? List.of() : params.getContext().getDiagnostics();
            for (EditorServices.QuickFix fix
                    : services.quickFixes(doc.text(), name(uri), doc.positions().range(params.getRange()))) {
                List<TextEdit> edits = fix.edits().stream()
                        .map(e -> new TextEdit(doc.positions().range(e.range()), e.newText())).toList();
                CodeAction a = new CodeAction(fix.title());
                a.setKind(fix.code().isEmpty() ? CodeActionKind.RefactorRewrite : CodeActionKind.QuickFix);
                a.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
                List<Diagnostic> fixed = shown.stream().filter(d -> d.getCode() != null && d.getCode().isLeft()
                        && d.getCode().getLeft().equals(fix.code())).toList();
                if (!fixed.isEmpty()) {
                    a.setDiagnostics(fixed);
                }
                out.add(Either.forRight(a));
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<Either<List<org.eclipse.lsp4j.CompletionItem>, CompletionList>> completion(
            CompletionParams params) {
        Doc doc = docs.get(params.getTextDocument().getUri());
        List<org.eclipse.lsp4j.CompletionItem> out = new ArrayList<>();
        if (doc != null && doc.cni()) {
            Positions pos = doc.positions();
            var p = params.getPosition();
            for (EditorServices.Completion c : services.completion(doc.text(), pos.line(p), pos.column(p))) {
                org.eclipse.lsp4j.CompletionItem item = new org.eclipse.lsp4j.CompletionItem(c.label());
                item.setDetail(c.detail());
                item.setKind(switch (c.kind()) {
                    case FIELD -> CompletionItemKind.Field;
                    case PLUGIN_TYPE -> CompletionItemKind.Module;
                    case CAPABILITY -> CompletionItemKind.Property;
                    case VERSION, VALUE -> CompletionItemKind.Value;
                });
                // The edit replaces the typed prefix including its quote, so clients filter on the quoted text.
                item.setFilterText(c.insertText());
                item.setTextEdit(Either.forLeft(new TextEdit(pos.range(c.replace()), c.insertText())));
                out.add(item);
            }
        }
        return CompletableFuture.completedFuture(Either.forRight(new CompletionList(false, out)));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        Doc doc = docs.get(params.getTextDocument().getUri());
        if (doc == null || !doc.cni()) {
            return CompletableFuture.completedFuture(null);
        }
        Positions pos = doc.positions();
        var p = params.getPosition();
        return CompletableFuture.completedFuture(services.hover(doc.text(), pos.line(p), pos.column(p))
                .map(h -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()), pos.range(h.range())))
                .orElse(null));
    }

    /**
     * The file name of a URI, decoded: {@code file:///etc/cni/net.d/10-a%20b.conflist} gives
     * {@code 10-a b.conflist}.
     */
    static String name(String uri) {
        String path = uri;
        try {
            String p = URI.create(uri).getPath();
            if (p != null) {
                path = p;
            }
        } catch (IllegalArgumentException e) {
            // not a valid URI: take the text after the last slash as it is
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static DiagnosticSeverity severity(io.github.cni4j.lint.Diagnostic.Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            default -> DiagnosticSeverity.Information;
        };
    }
}
