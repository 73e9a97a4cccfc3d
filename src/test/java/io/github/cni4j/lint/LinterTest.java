package io.github.cni4j.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    private static final String LIST = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"%s\",\n  \"plugins\": [%s]\n}\n";

    private static List<Diagnostic> lint(String text, String name) {
        return Linter.standard().lint(text, name);
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::code).collect(Collectors.toList());
    }

    @Test
    void toStringIsCompilerStyleWithPositionAndFix() {
        List<Diagnostic> ds = lint(String.format(LIST, "mynet", "{\"type\": \"bridge\", \"isGatway\": true}"),
                "10-my.conflist");
        assertThat(ds).hasSize(1);
        Diagnostic d = ds.get(0);
        assertThat(d.toString()).isEqualTo("10-my.conflist:4:34: warning CNI0100: unknown field \"isGatway\" for "
                + "plugin \"bridge\"; it is passed through but not read");
        assertThat(Linter.toText(ds)).isEqualTo(d + "\n    fix: did you mean \"isGateway\"?\n");
        assertThat(d.fix()).contains("did you mean \"isGateway\"?");
        assertThat(d.jsonPointer()).isEqualTo("/plugins/0/isGatway");
        assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        assertThat(List.of(d.line(), d.column(), d.endLine(), d.endColumn())).containsExactly(4, 34, 4, 44);
        assertThat(d.source()).isEqualTo("10-my.conflist");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        String text = "{\n  \"cniVersion\": \"9.9.9\",\n  \"name\": \"bad name\",\n  \"plugins\": [\n"
                + "    {\"type\": \"a/b\"},\n    {\"bridge\": \"x\"},\n    {\"type\": \"bridge\", \"mtu\": \"big\"}\n  ]\n}\n";
        assertThat(codes(lint(text, "x.conflist"))).containsExactly("CNI0013", "CNI0012", "CNI0022", "CNI0021",
                "CNI0101");
    }

    @Test
    void emptyIpamTypeMeansNoIpamButAnEmptyPluginTypeIsRefused() {
        String noIpam = String.format(LIST, "mynet", "{\"type\": \"bridge\", \"ipam\": {\"type\": \"\"}}");
        assertThat(lint(noIpam, "x.conflist")).isEmpty();
        String slash = String.format(LIST, "mynet", "{\"type\": \"bridge\", \"ipam\": {\"type\": \"a/b\"}}");
        assertThat(codes(lint(slash, "x.conflist"))).containsExactly("CNI0022");
        assertThat(codes(lint(String.format(LIST, "mynet", "{\"type\": \"\"}"), "x.conflist")))
                .containsExactly("CNI0022");
    }

    @Test
    void keepsCheckingAfterSyntaxErrors() {
        String text = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"n\",,\n  \"plugins\": [\n"
                + "    {\"type\": \"bridge\", \"isGatway\": true,}\n  ]\n";
        List<Diagnostic> ds = lint(text, "x.conflist");
        assertThat(ds).extracting(d -> d.line() + ":" + d.column() + " " + d.code())
                .containsExactly("3:15 CNI0001", "5:24 CNI0100", "5:40 CNI0001", "7:1 CNI0001");
        assertThat(ds.get(3).message()).contains("unexpected end of input", "line 1, column 1");
    }

    @Test
    void columnsCountCodePointsAndLinesFollowCrLfAndCr() {
        String text = "{\"x\": \"\uD83D\uDE00\uD83D\uDE00\", \"name\": \"a b\",\r\n \"cniVersion\": \"0.4.0\",\r"
                + " \"type\": \"bridge\", \"mtu\": true}";
        List<Diagnostic> ds = lint(text, "x.conf");
        assertThat(ds).extracting(d -> d.line() + ":" + d.column() + "-" + d.endLine() + ":" + d.endColumn() + " "
                + d.code()).containsExactly("1:2-1:5 CNI0100", "1:21-1:26 CNI0012", "3:27-3:31 CNI0101");
    }

    @Test
    void rangesSpanMultipleLines() {
        Diagnostic d = lint("[\n  {}\n]\n", "x.conflist").get(0);
        assertThat(d.code()).isEqualTo("CNI0004");
        assertThat(List.of(d.line(), d.column(), d.endLine(), d.endColumn())).containsExactly(1, 1, 3, 2);
    }

    @Test
    void unreadableFileIsADiagnosticNotAnException(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conflist");
        List<Diagnostic> ds = Linter.standard().lint(missing);
        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CNI0006");
            assertThat(d.source()).isEqualTo(missing.toString());
            assertThat(d.message()).contains("nope.conflist");
        });
    }

    @Test
    void deepNestingIsReportedWithoutStackOverflow() {
        String text = "{\"name\": \"n\", \"cniVersion\": \"0.4.0\", \"type\": \"x\", \"deep\": "
                + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertThat(codes(lint(text, "x.conf"))).containsExactly("CNI0002");
        assertThat(codes(lint("[".repeat(100_000), "x.conf"))).contains("CNI0002", "CNI0001");
    }

    @Test
    void pluginDirsReportTypesThatAreNotInstalled(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("bridge"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Linter linter = Linter.builder().addPluginDir(dir).build();
        String text = String.format(LIST, "n", "{\"type\": \"bridge\", \"ipam\": {\"type\": \"host-locall\"}}");
        List<Diagnostic> ds = linter.lint(text, "x.conflist");
        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CNI0116");
            assertThat(d.jsonPointer()).isEqualTo("/plugins/0/ipam/type");
        });
        assertThat(linter.pluginDirs()).containsExactly(dir);
        assertThat(Linter.standard().lint(text, "x.conflist")).isEmpty();
    }

    @Test
    void contentDecidesTheKindAndTheExtensionIsCompared() {
        String single = "{\"cniVersion\": \"0.4.0\", \"name\": \"n\", \"type\": \"bridge\"}";
        assertThat(lint(single, "x.conf")).isEmpty();
        assertThat(lint(single, "<stdin>")).isEmpty();
        assertThat(codes(lint(single, "x.conflist"))).containsExactly("CNI0024");
    }

    @Test
    void cniVersionsMayListNewerVersionsWhenOneIsSupported() {
        String text = "{\"cniVersions\": [\"1.0.0\", \"2.5.0\"], \"cniVersion\": \"1.0.0\", \"name\": \"n\","
                + " \"plugins\": [{\"type\": \"bridge\"}]}";
        assertThat(lint(text, "x.conflist")).isEmpty();
    }

    @Test
    void capabilitiesOfTheIpamPluginCountForTheMainPlugin() {
        String text = String.format(LIST, "n", "{\"type\": \"bridge\", \"capabilities\": {\"ipRanges\": true, "
                + "\"mac\": true}, \"ipam\": {\"type\": \"host-local\"}}");
        assertThat(lint(text, "x.conflist")).isEmpty();
    }

    @Test
    void unknownPluginTypesGetOnlyTheSpecChecks() {
        String text = String.format(LIST, "n", "{\"type\": \"flannel\", \"delegate\": {\"x\": 1}, \"ipMasq\": 1}");
        assertThat(codes(lint(text, "x.conflist"))).containsExactly("CNI0010");
    }

    @Test
    void aLinterIsSharedSafelyAcrossThreads() {
        String text = TestFiles.read(TestFiles.corpus().get(0));
        List<Diagnostic> once = lint(text, "x.conflist");
        assertThat(IntStream.range(0, 64).parallel().mapToObj(i -> lint(text, "x.conflist")))
                .allSatisfy(ds -> assertThat(ds).isEqualTo(once));
    }

    @Test
    void builderChecksRangesAndHasDefaults() {
        Diagnostic d = Diagnostic.builder(DiagnosticCode.MISSING_NAME).message("m").build();
        assertThat(d.toString()).isEqualTo("<input>:1:1: error CNI0011: m");
        assertThat(d).isEqualTo(Diagnostic.builder(DiagnosticCode.MISSING_NAME).message("m").build());
        assertThat(d.fix()).isEmpty();
        assertThat(DiagnosticCode.of("CNI0100")).contains(DiagnosticCode.UNKNOWN_FIELD);
        assertThat(DiagnosticCode.of("CNI4242")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Diagnostic.builder(DiagnosticCode.MISSING_NAME)
                .range(2, 5, 2, 4).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staticAddressesAreCheckedLikeRanges() {
        String text = String.format(LIST, "n", "{\"type\": \"macvlan\", \"master\": \"eth0\", \"ipam\": {\"type\": "
                + "\"static\", \"addresses\": [{\"address\": \"10.0.0.2/24\", \"gateway\": \"10.0.1.1\"}, "
                + "{\"gateway\": \"10.0.0.1\"}, {\"address\": \"10.0.0.300/24\"}], \"routes\": [{\"gw\": \"10.0.0.1\"}]}, "
                + "\"capabilities\": {\"ips\": true, \"mac\": true}}");
        assertThat(lint(text, "x.conflist")).extracting(d -> d.code() + " " + d.jsonPointer()).containsExactly(
                "CNI0103 /plugins/0/ipam/addresses/0/gateway", "CNI0114 /plugins/0/ipam/addresses/1",
                "CNI0102 /plugins/0/ipam/addresses/2/address", "CNI0114 /plugins/0/ipam/routes/0");
    }
}
