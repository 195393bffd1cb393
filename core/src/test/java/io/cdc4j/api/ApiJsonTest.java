package io.cdc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    @Test
    void escapesHtmlCharactersAsGoDoes() throws JsonProcessingException {
        String json = ApiJson.mapper().writeValueAsString(Map.of("sink_uri", "kafka://h:9092/t?a=1&b=<2>"));
        assertThat(json).isEqualTo("{\"sink_uri\":\"kafka://h:9092/t?a=1\\u0026b=\\u003c2\\u003e\"}");
        assertThat(ApiJson.mapper().readTree(json).get("sink_uri").asText()).isEqualTo("kafka://h:9092/t?a=1&b=<2>");
    }

    @Test
    void ignoresUnknownFields() throws JsonProcessingException {
        LogLevelRequest request = ApiJson.mapper().readValue("{\"log_level\":\"warn\",\"extra\":1}",
                LogLevelRequest.class);
        assertThat(request.logLevel()).isEqualTo("warn");
    }
}
