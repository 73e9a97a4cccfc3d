package io.github.cni4j.examples.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.lint.EditorServices;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Prints the warm round-trip time of each request through LSP4J's JSON-RPC over in-process pipes, for a 6-plugin
 * conflist. Print only: timings on a shared machine make no assertion. {@code -Dcni4j.lsp.latencyRounds=N} (default
 * 300) sets the number of timed rounds.
 */
class LatencyTest {

    static final String SIX = """
            {"cniVersion": "1.0.0", "name": "six", "plugins": [
            {"type": "bridge", "bridge": "cni0", "isGateway": true, "ipMasq": true, "ipam": {"type": "host-local",
             "ranges": [[{"subnet": "10.1.0.0/24"}]], "routes": [{"dst": "0.0.0.0/0"}]}},
            {"type": "portmap", "capabilities": {"portMappings": true}},
            {"type": "firewall"},
            {"type": "tuning", "mtu": 1400, },
            {"type": "bandwidth", "capabilities": {"bandwidth": true}},
            {"type": "sbr", "tabel": "x"}
            ]}
            """;

    @Test
    void warmRoundTripsArePrinted() throws Exception {
        int rounds = Integer.getInteger("cni4j.lsp.latencyRounds", 300);
        String uri = "file:///tmp/c4j-lsp/six.conflist";
        try (LspClient lsp = new LspClient(EditorServices.standard())) {
            lsp.server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
            var docs = lsp.server.getTextDocumentService();
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, SIX)));
            assertThat(lsp.nextDiagnostics().getDiagnostics()).isNotEmpty();
            var id = new TextDocumentIdentifier(uri);
            Range all = new Range(new Position(0, 0), new Position(9, 0));
            var action = new CodeActionParams(id, all, new CodeActionContext(List.of()));
            var completion = new CompletionParams(id, new Position(5, 32));
            var hover = new HoverParams(id, new Position(2, 3));
            long[] ns = new long[4];
            for (int pass = 0; pass < 2; pass++) {   // the first pass warms up and is not counted
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, i + 2),
                            List.of(new TextDocumentContentChangeEvent(SIX))));
                    lsp.nextDiagnostics();
                    long t1 = System.nanoTime();
                    assertThat(docs.codeAction(action).get(10, TimeUnit.SECONDS)).isNotEmpty();
                    long t2 = System.nanoTime();
                    assertThat(docs.completion(completion).get(10, TimeUnit.SECONDS).getRight().getItems())
                            .isNotEmpty();
                    long t3 = System.nanoTime();
                    assertThat(docs.hover(hover).get(10, TimeUnit.SECONDS)).isNotNull();
                    long t4 = System.nanoTime();
                    if (pass == 1) {
                        ns[0] += t1 - t0;
                        ns[1] += t2 - t1;
                        ns[2] += t3 - t2;
                        ns[3] += t4 - t3;
                    }
                }
            }
            System.out.printf("cni-lsp warm round trip over in-process JSON-RPC, 6-plugin conflist, %d rounds:"
                    + " didChange->publishDiagnostics %.0f us, codeAction %.0f us, completion %.0f us,"
                    + " hover %.0f us%n", rounds, ns[0] / 1e3 / rounds, ns[1] / 1e3 / rounds,
                    ns[2] / 1e3 / rounds, ns[3] / 1e3 / rounds);
        }
    }
}
