package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.config.Cidr;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.lint.Diagnostic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintSupportTest {

    @Test
    void aFailingRuleBecomesAnInternalErrorAndTheRunGoesOn() {
        LintContext ctx = new LintContext(new SourceText("{}"), "x.conf");
        ctx.failed("broken rule", new IllegalStateException("boom"));
        Optional<String> after = Optional.of("ran");
        assertThat(after).contains("ran");
        assertThat(ctx.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CNI9999");
            assertThat(d.message()).contains("broken rule", "IllegalStateException: boom");
        });
    }

    @Test
    void sourceTextCountsLinesLikeEditors() {
        SourceText t = new SourceText("a\r\nb\rc\n\uD83D\uDE00x");
        assertThat(t.lineCount()).isEqualTo(4);
        assertThat(t.line(3)).isEqualTo(2);
        assertThat(t.column(3)).isEqualTo(1);
        assertThat(t.line(5)).isEqualTo(3);
        assertThat(t.column(9)).as("after the emoji").isEqualTo(2);
        assertThat(t.column(8)).as("inside the surrogate pair").isEqualTo(1);
        assertThat(t.column(1)).as("on the \\r of \\r\\n").isEqualTo(2);
        assertThat(t.column(2)).as("on the \\n of \\r\\n").isEqualTo(2);
        assertThat(t.column(99)).isEqualTo(3);
    }

    @Test
    void ipParsesLiteralsOnly() {
        assertThat(Cidr.address("10.88.0.1")).isPresent();
        assertThat(Cidr.address("2001:4860:4860::")).hasValueSatisfying(ip -> assertThat(ip.isV4()).isFalse());
        assertThat(Cidr.address("::ffff:10.0.0.1")).hasValueSatisfying(ip -> assertThat(ip.isV4()).isTrue());
        assertThat(Cidr.address("10.88.0.256")).isEmpty();
        assertThat(Cidr.address("010.1.1.1")).isEmpty();
        assertThat(Cidr.address("localhost")).isEmpty();
        assertThat(Cidr.address("1:2:3")).isEmpty();
        assertThat(Cidr.cidr("10.88.0.0/33")).isEmpty();
        Cidr c = Cidr.cidr("10.88.1.7/16").orElseThrow();
        assertThat(c.contains(Cidr.address("10.88.255.255").orElseThrow())).isTrue();
        assertThat(c.contains(Cidr.address("10.89.0.0").orElseThrow())).isFalse();
        assertThat(c.contains(Cidr.address("::1").orElseThrow())).isFalse();
    }

    @Test
    void typoSuggestionsNeedACloseMatch() {
        var fields = PluginKnowledge.plugin("bridge").orElseThrow().fields().keySet();
        assertThat(Checks.nearest("isgateway", fields)).contains("isGateway");
        assertThat(Checks.nearest("hairpinMdoe", fields)).contains("hairpinMode");
        assertThat(Checks.nearest("completelyDifferent", fields)).isEmpty();
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        assertThat(LintContext.child("/a", "b/c~d")).isEqualTo("/a/b~1c~0d");
        LintContext ctx = new LintContext(new SourceText("{\"a/b\": 1, \"a/b\": 2}"), "x");
        new TolerantJsonParser(ctx).parse();
        assertThat(ctx.diagnostics()).extracting(Diagnostic::jsonPointer).containsExactly("/a~1b");
    }
}
