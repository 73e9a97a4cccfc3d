package io.github.cni4j.examples.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cni4j.lint.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void surrogatePairsCountTwiceInLspAndOnceInCni4j() {
        Positions p = new Positions("{\n \"\uD83D\uDE00x\": 1\n}");
        assertThat(p.column(new Position(1, 4))).isEqualTo(4);   // after the emoji: ' ', '"', emoji
        assertThat(p.position(2, 4)).isEqualTo(new Position(1, 4));
        assertThat(p.column(new Position(1, 3))).isEqualTo(3);   // inside the pair: its character
    }

    @Test
    void allThreeLineBreaksEndALine() {
        Positions p = new Positions("a\r\nbb\rccc\nd");
        assertThat(p.position(2, 2)).isEqualTo(new Position(1, 1));
        assertThat(p.position(3, 4)).isEqualTo(new Position(2, 3));
        assertThat(p.line(new Position(3, 0))).isEqualTo(4);
        assertThat(p.range(new Range(new Position(1, 0), new Position(2, 3))))
                .isEqualTo(new Diagnostic.Range(2, 1, 3, 4));
    }

    @Test
    void positionsPastTheEndAreClamped() {
        Positions p = new Positions("ab\ncd\n");
        assertThat(p.column(new Position(0, 99))).isEqualTo(3);
        assertThat(p.position(1, 99)).isEqualTo(new Position(0, 2));
        assertThat(p.line(new Position(9, 0))).isEqualTo(3);
        assertThat(p.position(9, 1)).isEqualTo(new Position(2, 0));
    }
}
