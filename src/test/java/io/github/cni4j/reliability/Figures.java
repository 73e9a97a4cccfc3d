package io.github.cni4j.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the figures the reliability suite measures to {@code target/reliability/<area>--<id>.json}, one file per
 * scenario (a re-run overwrites it), so {@link ReliabilityReport} can turn the last real run into RELIABILITY.md.
 *
 * <p>Only measured values go in: counts of runs, inputs, kills and what was found lost or leaked afterwards.
 */
final class Figures {

    /** Where the figures go; {@code -Dcni4j.reliability.dir} moves it. */
    static final Path DIR = Path.of(System.getProperty("cni4j.reliability.dir", "target/reliability"));

    private final String area;
    private final String id;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private String scenario = "";
    private long count;
    private String unit = "";
    private long lost;
    private String lostWhat = "nothing";

    private Figures(String area, String id) {
        this.area = area;
        this.id = id;
    }

    /**
     * Starts a figure.
     *
     * @param area one of {@code load}, {@code faults}, {@code bad-input}
     * @param id   a stable file-name-safe id for the scenario
     */
    static Figures of(String area, String id) {
        return new Figures(area, id);
    }

    /** What was done, in words for the table. */
    Figures scenario(String text) {
        this.scenario = text;
        return this;
    }

    /** How many runs/inputs/kills, and what they are. */
    Figures count(long n, String what) {
        this.count = n;
        this.unit = what;
        return this;
    }

    /** What was found lost, leaked or duplicated afterwards (0 is the goal) and what was checked. */
    Figures lost(long n, String checked) {
        this.lost = n;
        this.lostWhat = checked;
        return this;
    }

    /** Any other measured value worth showing (heap delta, fd delta, seconds, thread count). */
    Figures fact(String key, Object value) {
        facts.put(key, value);
        return this;
    }

    /** Writes the figure atomically, replacing the one of an earlier run. */
    void write() {
        ObjectNode o = JsonTrees.mapper().createObjectNode();
        o.put("area", area);
        o.put("id", id);
        o.put("scenario", scenario);
        o.put("count", count);
        o.put("unit", unit);
        o.put("lost", lost);
        o.put("checked", lostWhat);
        o.put("recordedAt", Instant.now().toString());
        ObjectNode f = o.putObject("facts");
        facts.forEach((k, v) -> f.set(k, JsonTrees.mapper().valueToTree(v)));
        try {
            Files.createDirectories(DIR);
            Path tmp = Files.createTempFile(DIR, id, ".tmp");
            JsonTrees.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), o);
            Files.move(tmp, DIR.resolve(area + "--" + id + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reliability figure " + id, e);
        }
    }

    /** An integer system property, for loop counts the CI keeps small and a developer may raise. */
    static int intProperty(String name, int defaultValue) {
        return Integer.getInteger(name, defaultValue);
    }
}
