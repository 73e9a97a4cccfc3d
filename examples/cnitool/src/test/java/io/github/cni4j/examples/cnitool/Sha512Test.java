package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha512Test {

    @Test
    void theStandardsExampleDigest() {
        // FIPS 180-4's one-block example, "abc".
        assertThat(HexFormat.of().formatHex(Sha512.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    }

    @Test
    void agreesWithMessageDigestOnEveryLengthAroundTheBlockBoundaries() throws NoSuchAlgorithmException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        MessageDigest jdk = MessageDigest.getInstance("SHA-512");
        for (int length = 0; length <= 300; length++) {
            byte[] input = new byte[length];
            random.nextBytes(input);
            assertThat(Sha512.digest(input)).as("seed %d, length %d", seed, length).isEqualTo(jdk.digest(input));
        }
    }
}
