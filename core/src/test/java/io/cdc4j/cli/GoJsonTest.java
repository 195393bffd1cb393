package io.cdc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The cli's JSON looks like Go's {@code json.MarshalIndent(v, "", "  ")}. */
class GoJsonTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void indentsLikeGo() throws Exception {
        JsonNode value = json("{\"a\":1,\"b\":[1,2],\"c\":{},\"d\":[],\"e\":null,\"f\":{\"g\":\"x&y<z>\"}}");
        assertThat(GoJson.indented(value)).isEqualTo("""
                {
                  "a": 1,
                  "b": [
                    1,
                    2
                  ],
                  "c": {},
                  "d": [],
                  "e": null,
                  "f": {
                    "g": "x\\u0026y\\u003cz\\u003e"
                  }
                }""");
        assertThat(GoJson.indented(json("[]"))).isEqualTo("[]");
    }

    @Test
    void compactIsOneLine() throws Exception {
        assertThat(GoJson.compact(json("{\"a\": [1, 2], \"b\": \"&\"}"))).isEqualTo("{\"a\":[1,2],\"b\":\"\\u0026\"}");
    }
}
