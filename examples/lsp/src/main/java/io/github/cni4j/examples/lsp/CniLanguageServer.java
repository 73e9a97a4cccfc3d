package io.github.cni4j.examples.lsp;

import io.github.cni4j.lint.EditorServices;
import io.github.cni4j.lint.Linter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * A language server for CNI configurations over stdio: diagnostics, quick fixes, completion and hover, all from
 * {@link EditorServices}. Plugin directories whose binaries are offered as plugin types come from {@code CNI_PATH}
 * (default {@code /opt/cni/bin:/usr/lib/cni}).
 *
 * <pre>{@code
 * examples/lsp/cni-lsp     # speaks LSP on stdin/stdout
 * }</pre>
 */
public final class CniLanguageServer implements LanguageServer, LanguageClientAware {

    private final CniDocuments documents;
    private final IntConsumer exit;
    private volatile boolean shutdown;
    private final WorkspaceService workspace = new WorkspaceService() {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
            // no settings
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            // open documents come with their text; files on disk are not read
        }
    };

    /**
     * @param services what answers the requests
     * @param exit called with the exit code on the {@code exit} notification (0 after {@code shutdown}, else 1)
     */
    CniLanguageServer(EditorServices services, IntConsumer exit) {
        this.documents = new CniDocuments(services);
        this.exit = exit;
    }

    /**
     * Starts the server on stdin and stdout.
     *
     * @param args ignored
     * @throws Exception when the connection fails
     */
    public static void main(String[] args) throws Exception {
        InputStream in = System.in;
        OutputStream out = System.out;
        // stdout carries the protocol: anything else printed must go to stderr.
        System.setOut(new PrintStream(System.err, true));
        CniLanguageServer server = new CniLanguageServer(EditorServices.of(linter(System.getenv("CNI_PATH"))),
                System::exit);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        launcher.startListening().get();
        System.exit(server.shutdown ? 0 : 1);   // the client closed the stream
    }

    /** @return a linter with the existing directories of a CNI_PATH-style list (null: the Debian and upstream ones) */
    static Linter linter(String cniPath) {
        Linter.Builder b = Linter.builder();
        for (String dir : (cniPath == null ? "/opt/cni/bin:/usr/lib/cni" : cniPath).split(":")) {
            if (!dir.isBlank() && Files.isDirectory(Path.of(dir))) {
                b.addPluginDir(Path.of(dir));
            }
        }
        return b.build();
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Full);
        caps.setHoverProvider(true);
        CompletionOptions completion = new CompletionOptions();
        completion.setTriggerCharacters(List.of("\"", ":"));
        caps.setCompletionProvider(completion);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix,
                CodeActionKind.RefactorRewrite)));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("cni-lsp", "0.1.0")));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
