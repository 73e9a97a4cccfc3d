package io.github.cni4j.examples.cnitool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoIndentTest {

    private static String indent(String compact) {
        return GoIndent.indent(compact.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void printsLikeGoMarshalIndentWithFourSpaces() {
        String compact = "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"c4j0\",\"mac\":\"aa:bb\"},"
                + "{\"name\":\"eth0\",\"sandbox\":\"/run/netns/c4j-x\"}],\"ips\":[{\"interface\":1,"
                + "\"address\":\"10.88.0.2/16\",\"gateway\":\"10.88.0.1\"}],\"dns\":{}}";
        assertThat(indent(compact)).isEqualTo("""
                {
                    "cniVersion": "1.0.0",
                    "interfaces": [
                        {
                            "name": "c4j0",
                            "mac": "aa:bb"
                        },
                        {
                            "name": "eth0",
                            "sandbox": "/run/netns/c4j-x"
                        }
                    ],
                    "ips": [
                        {
                            "interface": 1,
                            "address": "10.88.0.2/16",
                            "gateway": "10.88.0.1"
                        }
                    ],
                    "dns": {}
                }""");
    }

    @Test
    void keepsEmptyContainersOnOneLineAndNoTrailingNewline() {
        assertThat(indent("{\"a\":[],\"b\":{},\"c\":[[]]}")).isEqualTo("{\n    \"a\": [],\n    \"b\": {},\n"
                + "    \"c\": [\n        []\n    ]\n}");
    }

    @Test
    void copiesStringsAndNumbersVerbatim() {
        assertThat(indent("{\"k\\\"{,:\":\"\\u003c\\\\[x]\",\"n\":1.50e+300,\"t\":true,\"z\":null}"))
                .isEqualTo("{\n    \"k\\\"{,:\": \"\\u003c\\\\[x]\",\n    \"n\": 1.50e+300,\n    \"t\": true,\n"
                        + "    \"z\": null\n}");
    }

    @Test
    void ignoresWhitespaceOutsideStrings() {
        assertThat(indent(" { \"a b\" : [ 1 , 2 ] }\n")).isEqualTo("{\n    \"a b\": [\n        1,\n        2\n"
                + "    ]\n}");
    }
}
