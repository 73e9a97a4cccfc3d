package io.github.cni4j;

import io.github.cni4j.error.ConfigException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cni4j.internal.json.CapabilityJson;
import io.github.cni4j.internal.json.GoJson;
import java.util.Objects;

/**
 * Traffic shaping for one attachment: the {@code bandwidth} capability the {@code bandwidth} plugin reads, rates in
 * bits per second and bursts in bits. A direction with rate 0 is not shaped. Values go up to 2^53, the largest
 * integer the float64 numbers of libcni's capability arguments carry exactly.
 *
 * <p>The JSON form is {@code {"egressBurst":…,"egressRate":…,"ingressBurst":…,"ingressRate":…}} (the
 * convention's names; {@link #fromBytes(byte[])} also reads go-cni's {@code IngressRate} spelling).
 *
 * <pre>{@code
 * BandwidthLimit limit = BandwidthLimit.ingress(10_000_000, 1_000_000)   // 10 Mbit/s in, 1 Mbit burst
 *         .withEgress(5_000_000, 500_000);
 * cni.attach("web-1", netnsPath).bandwidth(limit).execute();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param ingressRate the ingress rate in bit/s, 0 when ingress is not shaped
 * @param ingressBurst the ingress burst in bits (set whenever the rate is)
 * @param egressRate the egress rate in bit/s, 0 when egress is not shaped
 * @param egressBurst the egress burst in bits (set whenever the rate is)
 */
public record BandwidthLimit(long ingressRate, long ingressBurst, long egressRate, long egressBurst) {

    private static final String SOURCE = "BandwidthLimit";
    /** libcni carries capability arguments as float64, which is exact only up to 2^53. */
    private static final long MAX = 1L << 53;

    /** Checks the components.
     * @param ingressRate the ingress rate in bit/s
     * @param ingressBurst the ingress burst in bits
     * @param egressRate the egress rate in bit/s
     * @param egressBurst the egress burst in bits
     * @throws IllegalArgumentException if a value is negative or above 2^53, or a rate is set without its burst */
    public BandwidthLimit {
        check(ingressRate, ingressBurst, "ingress");
        check(egressRate, egressBurst, "egress");
    }

    /** Limits both directions.
     * @param ingressRate ingress rate in bit/s (0 = unlimited)
     * @param ingressBurst ingress burst in bits (required when the rate is set)
     * @param egressRate egress rate in bit/s (0 = unlimited)
     * @param egressBurst egress burst in bits (required when the rate is set)
     * @return the limits
     * @throws IllegalArgumentException if a value is negative or a rate has no burst */
    public static BandwidthLimit of(long ingressRate, long ingressBurst, long egressRate, long egressBurst) {
        return new BandwidthLimit(ingressRate, ingressBurst, egressRate, egressBurst);
    }

    /** Limits only traffic into the container.
     * @param rate bit/s, positive
     * @param burst bits, positive
     * @return the limits
     * @throws IllegalArgumentException if a value is not positive */
    public static BandwidthLimit ingress(long rate, long burst) {
        return new BandwidthLimit(positive(rate, "ingress rate"), positive(burst, "ingress burst"), 0, 0);
    }

    /** Limits only traffic out of the container.
     * @param rate bit/s, positive
     * @param burst bits, positive
     * @return the limits
     * @throws IllegalArgumentException if a value is not positive */
    public static BandwidthLimit egress(long rate, long burst) {
        return new BandwidthLimit(0, 0, positive(rate, "egress rate"), positive(burst, "egress burst"));
    }

    /** Returns a copy with these ingress limits.
     * @param rate bit/s (0 = unlimited)
     * @param burst bits
     * @return the new limits
     * @throws IllegalArgumentException if a value is negative or the rate has no burst */
    public BandwidthLimit withIngress(long rate, long burst) {
        return new BandwidthLimit(rate, burst, egressRate, egressBurst);
    }

    /** Returns a copy with these egress limits.
     * @param rate bit/s (0 = unlimited)
     * @param burst bits
     * @return the new limits
     * @throws IllegalArgumentException if a value is negative or the rate has no burst */
    public BandwidthLimit withEgress(long rate, long burst) {
        return new BandwidthLimit(ingressRate, ingressBurst, rate, burst);
    }

    /** Reads limits from their JSON form; absent keys are 0.
     * @param json a JSON object
     * @return the limits
     * @throws ConfigException naming the field when the JSON is malformed or a value is invalid */
    public static BandwidthLimit fromBytes(byte[] json) {
        ObjectNode o = CapabilityJson.readObject(Objects.requireNonNull(json, "json"), SOURCE);
        long ir = CapabilityJson.integer(o, "ingressRate", SOURCE, "").orElse(0L);
        long ib = CapabilityJson.integer(o, "ingressBurst", SOURCE, "").orElse(0L);
        long er = CapabilityJson.integer(o, "egressRate", SOURCE, "").orElse(0L);
        long eb = CapabilityJson.integer(o, "egressBurst", SOURCE, "").orElse(0L);
        try {
            return new BandwidthLimit(ir, ib, er, eb);
        } catch (IllegalArgumentException e) {
            throw CapabilityJson.invalid(SOURCE, "", e.getMessage());
        }
    }

    /** {@return the JSON form (all four keys, sorted), as UTF-8 bytes} */
    public byte[] toBytes() {
        return GoJson.encode(toJson());
    }

    ObjectNode toJson() {
        return CapabilityJson.object().put("ingressRate", ingressRate).put("ingressBurst", ingressBurst)
                .put("egressRate", egressRate).put("egressBurst", egressBurst);
    }

    private static long positive(long v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive, not " + v);
        }
        return v;
    }

    private static void check(long rate, long burst, String direction) {
        if (rate < 0 || burst < 0 || rate > MAX || burst > MAX) {
            throw new IllegalArgumentException(direction + " rate and burst must be between 0 and 2^53 (rate "
                    + rate + ", burst " + burst + ")");
        }
        // The bandwidth plugin refuses a rate without a burst with "if rate is set, burst must also be set".
        if (rate > 0 && burst == 0) {
            throw new IllegalArgumentException(direction + " rate is set, so its burst must be set too");
        }
    }

    @Override
    public String toString() {
        return "BandwidthLimit[ingress " + ingressRate + " bit/s burst " + ingressBurst + ", egress " + egressRate
                + " bit/s burst " + egressBurst + "]";
    }
}
