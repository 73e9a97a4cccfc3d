package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.github.cni4j.testing.Gen;
import io.github.cni4j.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Broken variants of real configs never crash the linter, and every position lies inside the text. */
class LinterProperties {

    private static final List<String> SEEDS = seeds();

    private static List<String> seeds() {
        List<String> s = new ArrayList<>();
        TestFiles.validConfigs().forEach(p -> s.add(TestFiles.read(p)));
        for (Path p : TestFiles.corpus()) {
            if (s.size() < 12) {
                s.add(TestFiles.read(p));
            }
        }
        return s;
    }

    /** One edit: 0 delete, 1 insert, 2 replace, 3 truncate, at a position given as a fraction of the text. */
    record Edit(int op, double at, int length, char ch) {
        String apply(String text) {
            int pos = (int) (at * text.length());
            int end = Math.min(text.length(), pos + length);
            switch (op) {
                case 0: return text.substring(0, pos) + text.substring(end);
                case 1: return text.substring(0, pos) + ch + text.substring(pos);
                case 2: return text.substring(0, pos) + ch + text.substring(end);
                default: return text.substring(0, pos);
            }
        }
    }

    private static Gen<String> mutated() {
        Gen<Character> chars = Gen.oneOf(Gen.of('{', '}', '[', ']', ',', ':', '"', '\\', '\n',
                '\r', ' ', '/', '*', 't', '-', '0', '\'', '\uFEFF', '\uD83D', 'é'), Gen.chars('\u0000', '\uffff'));
        Gen<Integer> ops = Gen.ints(0, 3);
        Gen<Double> fractions = Gen.doubles(0, 1);
        Gen<Integer> lengths = Gen.ints(1, 20);
        Gen<Edit> edit = r -> new Edit(ops.next(r), fractions.next(r), lengths.next(r), chars.next(r));
        Gen<String> seeds = Gen.of(SEEDS);
        Gen<java.util.List<Edit>> edits = edit.list(1, 6);
        return r -> {
            String t = seeds.next(r);
            for (Edit e : edits.next(r)) {
                t = e.apply(t);
            }
            return t;
        };
    }

    @Test
    void mutationsNeverCrashAndPositionsStayInsideTheText() {
        Seeded.forAll(500, mutated(), LinterProperties::neverCrashesAndPositionsStayInside);
    }

    private static void neverCrashesAndPositionsStayInside(String text) {
        List<Diagnostic> ds = Linter.standard().lint(text, "m.conflist");
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (Diagnostic d : ds) {
            assertThat(d.code()).as(d.toString()).isNotEqualTo(DiagnosticCode.INTERNAL_ERROR.id());
            assertThat(d.line()).isBetween(1, lines.length);
            assertThat(d.endLine()).isBetween(d.line(), lines.length);
            assertThat(d.column()).isBetween(1, codePoints(lines[d.line() - 1]) + 1);
            assertThat(d.endColumn()).isBetween(1, codePoints(lines[d.endLine() - 1]) + 1);
            if (d.endLine() == d.line()) {
                assertThat(d.endColumn()).isGreaterThanOrEqualTo(d.column());
            }
        }
    }

    @Test
    void randomTextNeverCrashes() {
        Seeded.forAll(200, Gen.strings(), text -> assertThat(Linter.standard().lint(text, "r.conf"))
                .noneMatch(d -> d.kind() == DiagnosticCode.INTERNAL_ERROR));
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
