package io.github.cni4j.examples.lsp;

import io.github.cni4j.lint.EditorServices;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** A server and a client joined by pipes in this JVM, talking real JSON-RPC; the client queues diagnostics. */
final class LspClient implements LanguageClient, AutoCloseable {

    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final AtomicInteger exitCode = new AtomicInteger(-1);
    final LanguageServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lsp-test");
        t.setDaemon(true);
        return t;
    });
    private final PipedOutputStream toServer;
    private final PipedOutputStream toClient;

    LspClient(EditorServices services) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        toClient = new PipedOutputStream(clientIn);
        CniLanguageServer impl = new CniLanguageServer(services, exitCode::set);
        Launcher<LanguageClient> s = LSPLauncher.createServerLauncher(impl, serverIn, toClient, threads, null);
        impl.connect(s.getRemoteProxy());
        s.startListening();
        Launcher<LanguageServer> c = LSPLauncher.createClientLauncher(this, clientIn, toServer, threads, null);
        c.startListening();
        server = c.getRemoteProxy();
    }

    PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
        PublishDiagnosticsParams p = diagnostics.poll(10, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("no publishDiagnostics within 10 s");
        }
        return p;
    }

    /** Applies LSP edits (0-based lines, UTF-16 characters) that all refer to the unchanged text. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparingInt(e -> e.getRange().getStart().getCharacter()).reversed());
        String out = text;
        for (TextEdit e : sorted) {
            int start = offset(out, e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter());
            int end = offset(out, e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter());
            out = out.substring(0, start) + e.getNewText() + out.substring(end);
        }
        return out;
    }

    static int offset(String text, int line, int character) {
        int off = 0;
        for (int l = 0; l < line; l++) {
            off = text.indexOf('\n', off) + 1;
        }
        return off + character;
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        toClient.close();
        threads.shutdownNow();
    }
}
