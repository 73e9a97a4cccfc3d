package io.github.cni4j.result;

import io.github.cni4j.testing.FailureKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.version.CniVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays answers recorded from Go libcni (parse, marshal and every conversion of each input): current libcni's
 * {@code pkg/types} (commit 3f51e88, {@code libcni-main-golden.txt}) byte for byte in every version, and Debian's
 * libcni 1.1.2 ({@code libcni-1.1.2-golden.txt}). 1.1.2 writes 1.0.0 results in struct order (REFERENCE B.12) where
 * current libcni sorts them, so its 1.x answers are compared as parsed values; it knows no 1.1.0, so that column
 * is not replayed from it.
 */
class LibcniGoldenTest {

    private record Case(String input, List<String> answers) {
    }

    @TestFactory
    Stream<DynamicTest> matchesCurrentLibcni() throws IOException {
        return load("/results/libcni-main-golden.txt").stream()
                .map(c -> DynamicTest.dynamicTest(c.input(), () -> replay(c, true)));
    }

    @TestFactory
    Stream<DynamicTest> matchesLibcni112() throws IOException {
        return load("/results/libcni-1.1.2-golden.txt").stream()
                .map(c -> DynamicTest.dynamicTest(c.input(), () -> replay(c, false)));
    }

    private static void replay(Case c, boolean exact) {
        byte[] in = c.input().getBytes(StandardCharsets.UTF_8);
        String parse = c.answers().get(0);
        if (parse.startsWith("PARSE ERR ")) {
            assertThatThrownBy(() -> Result.fromBytes(in))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((CniException) e).code()).isEqualTo(6))
                    .satisfies(e -> assertThat(((CniException) e).msg()).isEqualTo(parse.substring(10)));
            return;
        }
        Result r = Result.fromBytes(in);
        expectSame(r, parse.substring("PARSE OK ".length()), exact);
        for (String answer : c.answers().subList(1, c.answers().size())) {
            int q = answer.indexOf('"', 4);
            String target = answer.substring(4, q);
            String rest = answer.substring(q + 2);
            if (target.equals("1.1.0") && !exact) {
                continue;
            }
            CniVersion to = CniVersion.parse(target);
            if (rest.startsWith("ERR ")) {
                assertThatThrownBy(() -> r.convertTo(to)).as("to %s", target)
                        .is(FailureKinds.INCOMPATIBLE_VERSION)
                        .hasMessage(rest.substring(4));
            } else {
                expectSame(r.convertTo(to), rest.substring(3), exact);
            }
        }
    }

    private static void expectSame(Result actual, String goJson, boolean exact) {
        if (!exact && actual.cniVersion().isAtLeast(CniVersion.V1_0_0)) {
            assertThat(actual).isEqualTo(Result.fromBytes(goJson.getBytes(StandardCharsets.UTF_8)));
        } else {
            assertThat(new String(actual.toBytes(), StandardCharsets.UTF_8)).isEqualTo(goJson);
        }
    }

    private static List<Case> load(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream s = LibcniGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(s).isNotNull();
            for (String line : new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("IN ")) {
                    cases.add(new Case(line.substring(3), new ArrayList<>()));
                } else if (!line.isEmpty()) {
                    cases.get(cases.size() - 1).answers().add(line);
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(100);
        return cases;
    }
}
