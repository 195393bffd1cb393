package io.cdc4j.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Creates a demo changefeed (upstream to the downstream MariaDB, or to the playground's Kafka broker) through the
 * first capture's OpenAPI, as a user would with curl, and says in one line what came of it.
 */
final class DemoChangefeed {
    static final String ID = "playground-demo";
    static final String KAFKA_ID = "playground-demo-kafka";
    static final String KAFKA_TOPIC = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DemoChangefeed() {
    }

    /** The request body: {@code {"changefeed_id":"playground-demo","sink_uri":"mysql://root@host:port/"}}. */
    static String body(String id, String sinkUri) {
        ObjectNode body = JSON.createObjectNode();
        body.put("changefeed_id", id);
        body.put("sink_uri", sinkUri);
        return body.toString();
    }

    /** The Kafka demo's sink: the topic {@code demo} in canal-json with the TiDB extension, which kafka-consumer reads. */
    static String kafkaSinkUri(String bootstrap) {
        return "kafka://" + bootstrap + "/" + KAFKA_TOPIC + "?protocol=canal-json&enable-tidb-extension=true";
    }

    /** POSTs the changefeed {@code id}; returns the line to print, whether the capture accepted it or not. */
    static String create(String captureUrl, String id, String sinkUri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(captureUrl + "/api/v2/changefeeds"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(id, sinkUri)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return "demo: created changefeed " + id + " from the upstream to " + sinkUri;
            }
            return "demo: could not create changefeed " + id + " (HTTP " + response.statusCode() + "): "
                    + errorMessage(response.body()) + "; the workload runs anyway";
        } catch (IOException e) {
            return "demo: could not reach " + captureUrl + " to create changefeed " + id + ": " + e.getMessage()
                    + "; the workload runs anyway";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "demo: interrupted while creating changefeed " + id;
        }
    }

    /** The {@code error_msg} (and {@code error_code}) of a TiCDC error body, or the body itself. */
    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("error_msg")) {
                String message = error.get("error_msg").asText();
                String code = error.path("error_code").asText("");
                return code.isEmpty() || message.contains(code) ? message : message + " [" + code + "]";
            }
        } catch (IOException e) {
            // not JSON: show it as it came
        }
        return body.isBlank() ? "(empty response)" : body.strip();
    }
}
