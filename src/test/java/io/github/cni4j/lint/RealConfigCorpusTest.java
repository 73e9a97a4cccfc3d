package io.github.cni4j.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cni4j.config.PluginConfig;
import io.github.cni4j.plugins.Bandwidth;
import io.github.cni4j.plugins.Bridge;
import io.github.cni4j.plugins.Dhcp;
import io.github.cni4j.plugins.Firewall;
import io.github.cni4j.plugins.Flannel;
import io.github.cni4j.plugins.HostDevice;
import io.github.cni4j.plugins.HostLocal;
import io.github.cni4j.plugins.Ipvlan;
import io.github.cni4j.plugins.Loopback;
import io.github.cni4j.plugins.Macvlan;
import io.github.cni4j.plugins.PluginSpec;
import io.github.cni4j.plugins.Portmap;
import io.github.cni4j.plugins.Ptp;
import io.github.cni4j.plugins.Sbr;
import io.github.cni4j.plugins.StaticIpam;
import io.github.cni4j.plugins.Tuning;
import io.github.cni4j.plugins.Vlan;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration files that other projects ship or document (Podman's containers/common, CRI-O, nerdctl, flannel,
 * Calico, Multus, AWS VPC CNI, Azure CNI, kube-router, whereabouts, sriov-cni, the plugins' docs, the CNI spec),
 * each recorded in {@code corpus/SOURCES.tsv} with its repository, path and commit. Each must load as Go's libcni
 * loads it, lint without errors (and with no warning but those its {@code expected} column names) and satisfy the
 * JSON Schema.
 */
class RealConfigCorpusTest {

    /** Fewest files the corpus may hold. */
    private static final int MINIMUM = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DIR = TestFiles.resourceDir("corpus");

    /**
     * One line of SOURCES.tsv; {@code expected} is empty, {@code refused} (libcni refuses the file),
     * {@code warn:CODE,CODE} (warnings the file legitimately earns) or {@code plugin-refuses:CODE} (libcni loads it,
     * the plugin fails on it at ADD: the linter reports the code and the schema rejects the file).
     */
    record Source(String file, String repo, String path, String commit, String licence, String note,
            String expected) {

        boolean refusedByGo() {
            return expected.equals("refused");
        }

        boolean refusedByPlugin() {
            return expected.startsWith("plugin-refuses:");
        }

        Set<String> allowedWarnings() {
            if (!expected.contains(":")) {
                return Set.of();
            }
            return new TreeSet<>(Arrays.asList(expected.substring(expected.indexOf(':') + 1).split(",")));
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Source> sources() {
        try {
            return Files.readAllLines(DIR.resolve("SOURCES.tsv")).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1)).map(c -> new Source(c[0], c[1], c[2], c[3], c[4], c[5],
                            c.length > 6 ? c[6] : ""))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> filesOnDisk() throws IOException {
        try (Stream<Path> s = Files.walk(DIR)) {
            return s.filter(Files::isRegularFile).map(p -> DIR.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".conf") || n.endsWith(".conflist"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void sourcesListEveryFileAndOnlyFilesThatExist() throws IOException {
        Set<String> listed = sources().stream().map(Source::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).hasSize(sources().size());
        assertThat(listed).isEqualTo(filesOnDisk());
        assertThat(listed).hasSizeGreaterThanOrEqualTo(MINIMUM);
        for (Source s : sources()) {
            assertThat(s.repo()).as(s.file()).matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
            assertThat(s.commit()).as(s.file()).matches("[0-9a-f]{40}");
            assertThat(s.licence()).as(s.file()).isNotBlank();
            assertThat(s.path()).as(s.file()).isNotBlank();
            assertThat(s.expected()).as(s.file()).matches("|refused|(warn|plugin-refuses):CNI\\d{4}(,CNI\\d{4})*");
        }
    }

    private static byte[] bytes(Source s) {
        try {
            return Files.readAllBytes(DIR.resolve(s.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code .conflist} loads as a list; a {@code .conf} as one network, upgraded to a list as libcni does. */
    private static NetworkConfigList load(Source s) {
        byte[] b = bytes(s);
        if (s.file().endsWith(".conflist")) {
            return NetworkConfigList.fromBytes(b, s.file());
        }
        return NetworkConfigList.of(PluginConfig.fromBytes(b, s.file()));
    }

    @ParameterizedTest
    @MethodSource("sources")
    void loadsAsGoLoadsIt(Source s) {
        if (s.refusedByGo()) {
            assertThatThrownBy(() -> load(s)).isInstanceOf(ConfigException.class);
            return;
        }
        NetworkConfigList list = load(s);
        assertThat(list.name()).isNotBlank();
        assertThat(list.plugins()).isNotEmpty();
        NetworkConfigList again = NetworkConfigList.fromBytes(list.bytes(), s.file());
        assertThat(again.name()).isEqualTo(list.name());
        assertThat(again.plugins()).hasSameSizeAs(list.plugins());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void lintsWithoutErrorsOrUnexpectedWarnings(Source s) {
        List<Diagnostic> found = Linter.standard().lint(new String(bytes(s), java.nio.charset.StandardCharsets.UTF_8),
                s.file());
        if (s.refusedByGo()) {
            assertThat(found).as(s.file()).anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
            return;
        }
        assertThat(found).as(s.file()).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        Set<String> warnings = found.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .map(Diagnostic::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(warnings).as(s.file() + ": " + found).isEqualTo(s.allowedWarnings());
    }

    /** The typed config of each reference plugin, by type; IPAM sections are read by their own type. */
    private static final Map<String, Class<? extends PluginSpec>> TYPED = Map.ofEntries(
            Map.entry("bandwidth", Bandwidth.class), Map.entry("bridge", Bridge.class), Map.entry("dhcp", Dhcp.class),
            Map.entry("firewall", Firewall.class), Map.entry("flannel", Flannel.class),
            Map.entry("host-device", HostDevice.class), Map.entry("host-local", HostLocal.class),
            Map.entry("ipvlan", Ipvlan.class), Map.entry("loopback", Loopback.class),
            Map.entry("macvlan", Macvlan.class), Map.entry("portmap", Portmap.class), Map.entry("ptp", Ptp.class),
            Map.entry("sbr", Sbr.class), Map.entry("static", StaticIpam.class), Map.entry("tuning", Tuning.class),
            Map.entry("vlan", Vlan.class));

    @ParameterizedTest
    @MethodSource("loadable")
    void typedConfigsReadEveryPluginAndWriteItBackUnchanged(Source s) throws IOException {
        List<PluginConfig> configs = new ArrayList<>();
        for (PluginConfig plugin : load(s).plugins()) {
            configs.add(plugin);
            // "ipam": {} and "ipam": {"type": ""} mean no IPAM to the plugins that read it (they test Type != "").
            Optional<String> ipam = plugin.ipam().filter(json -> !readTree(json).path("type").asText("").isEmpty());
            ipam.map(json -> PluginConfig.fromBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    s.file() + " ipam")).ifPresent(configs::add);
        }
        if (s.refusedByPlugin()) {
            // The plugin fails to decode this file at ADD; its typed config refuses it too, with a ConfigException.
            assertThat(configs).as(s.file()).anySatisfy(c -> assertThatThrownBy(() -> PluginSpec.from(c, TYPED.get(c.type())))
                    .isInstanceOf(ConfigException.class));
            return;
        }
        for (PluginConfig config : configs) {
            Class<? extends PluginSpec> typed = TYPED.get(config.type());
            if (typed == null) {
                continue;
            }
            PluginSpec spec = PluginSpec.from(config, typed);
            // Unchanged in meaning: the same JSON tree (key order and number spelling aside).
            assertThat(MAPPER.readTree(spec.toBytes())).as(s.file() + " " + config.type())
                    .isEqualTo(MAPPER.readTree(config.bytes()));
            assertThat(PluginSpec.from(spec.toPluginConfig(), typed)).as(s.file() + " " + config.type() + " re-read")
                    .isEqualTo(spec);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Source> loadable() {
        return sources().stream().filter(s -> !s.refusedByGo());
    }

    @ParameterizedTest
    @MethodSource("loadable")
    void schemaAcceptsWhatThePluginsAccept(Source s) throws IOException {
        List<String> problems = SchemaTest.schema().validate(MAPPER.readTree(bytes(s)));
        if (s.refusedByPlugin()) {
            assertThat(problems).as(s.file()).isNotEmpty();
        } else {
            assertThat(problems).as(s.file()).isEmpty();
        }
    }
}
