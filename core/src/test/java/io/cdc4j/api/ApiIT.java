package io.cdc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.logging.LogLevels;
import io.cdc4j.server.CdcServer;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import io.cdc4j.version.BuildInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cluster endpoint of v1 and v2 over real HTTP: status codes, field names, error bodies. */
class ApiIT {
    @TempDir
    static Path dataDir;
    static CdcServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = InProcessServers.withEmbeddedMeta(dataDir);
        base = InProcessServers.baseUrl(server);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(base, "/api/v2/health").status() == 200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void restoreLogLevel() {
        LogLevels.apply(Level.INFO);
    }

    @Test
    void v2StatusDescribesThisCapture() {
        Http.Response response = Http.get(base, "/api/v2/status");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode status = response.json();
        assertThat(fieldNames(status)).containsExactly("version", "git_hash", "id", "cluster_id", "pid", "is_owner",
                "liveness");
        assertThat(status.get("version").asText()).isEqualTo(BuildInfo.current().version()).startsWith("v0.");
        assertThat(status.get("git_hash").asText()).matches("[0-9a-f]{40}");
        assertThat(status.get("id").asText()).isEqualTo(server.capture().id());
        assertThat(status.get("cluster_id").asText()).isEqualTo("default");
        assertThat(status.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(status.get("is_owner").asBoolean()).isTrue();
        assertThat(status.get("liveness").asInt()).isZero();
    }

    @Test
    void v1StatusHasTheSameShape() {
        Http.Response response = Http.get(base, "/api/v1/status");
        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactly("version", "git_hash", "id", "cluster_id", "pid",
                "is_owner", "liveness");
    }

    @Test
    void healthIsAnEmptyObjectInV2AndAnEmptyBodyInV1() {
        Http.Response v2 = Http.get(base, "/api/v2/health");
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo("{}");
        Http.Response v1 = Http.get(base, "/api/v1/health");
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.body()).isEmpty();
    }

    @Test
    void capturesAreAListEnvelopeInV2AndABareArrayInV1() {
        Http.Response v2 = Http.get(base, "/api/v2/captures");
        assertThat(v2.status()).isEqualTo(200);
        JsonNode list = v2.json();
        assertThat(fieldNames(list)).containsExactly("total", "items");
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode item = list.get("items").get(0);
        assertThat(fieldNames(item)).containsExactly("id", "is_owner", "address", "cluster_id");
        assertThat(item.get("id").asText()).isEqualTo(server.capture().id());
        assertThat(item.get("is_owner").asBoolean()).isTrue();
        assertThat(item.get("address").asText()).isEqualTo(server.config().advertisedAddress());
        assertThat(item.get("cluster_id").asText()).isEqualTo("default");

        JsonNode v1 = Http.get(base, "/api/v1/captures").json();
        assertThat(v1.isArray()).isTrue();
        assertThat(fieldNames(v1.get(0))).containsExactly("id", "is_owner", "address", "cluster_id");
    }

    @Test
    void resignAnswers200InV2And202InV1AndTheOnlyCaptureIsReElected() {
        Http.Response v2 = Http.post(base, "/api/v2/owner/resign", null);
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo("{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.capture().isOwner());
        Http.Response v1 = Http.post(base, "/api/v1/owner/resign", null);
        assertThat(v1.status()).isEqualTo(202);
        assertThat(v1.body()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.capture().isOwner());
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(base, "/api/v2/health").status() == 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"debug", "DEBUG", "Debug"})
    void logLevelChangesTheRunningLevel(String name) {
        Http.Response response = Http.post(base, "/api/v2/log", "{\"log_level\":\"" + name + "\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(LogLevels.current()).isEqualTo(Level.DEBUG);
    }

    @Test
    void logLevelMapsZapNamesAndEmptyMeansInfo() {
        for (var entry : List.of(List.of("warn", "WARN"), List.of("error", "ERROR"), List.of("fatal", "ERROR"),
                List.of("dpanic", "ERROR"), List.of("panic", "ERROR"), List.of("", "INFO"))) {
            Http.Response response = Http.post(base, "/api/v2/log", "{\"log_level\":\"" + entry.get(0) + "\"}");
            assertThat(response.status()).as(entry.get(0)).isEqualTo(200);
            assertThat(LogLevels.current()).as(entry.get(0)).isEqualTo(Level.toLevel(entry.get(1)));
        }
    }

    @Test
    void v1LogAnswersAnEmptyBody() {
        Http.Response response = Http.post(base, "/api/v1/log", "{\"log_level\":\"warn\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(LogLevels.current()).isEqualTo(Level.WARN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/log", "/api/v1/log"})
    void badLogRequestsAre400WithInvalidParamAndChangeNothing(String path) {
        LogLevels.apply(Level.INFO);
        for (String body : new String[] {"{\"log_level\":\"warning\"}", "{\"log_level\":\"verbose\"}", "{bad json",
            "{\"log_level\":[1]}", "", "null", "[]"}) {
            Http.Response response = Http.post(base, path, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertError(response, "CDC:ErrAPIInvalidParam");
            assertThat(LogLevels.current()).as(body).isEqualTo(Level.INFO);
        }
    }

    @Test
    void unknownRoutesAndMethodsAreJson404s() {
        for (String[] request : new String[][] {{"GET", "/api/v2/nothing"}, {"GET", "/"}, {"POST", "/api/v2/status"},
            {"DELETE", "/api/v2/captures"}, {"GET", "/api/v3/status"}}) {
            Http.Response response = Http.send(request[0], base, request[1], null);
            assertThat(response.status()).as(request[1]).isEqualTo(404);
            assertError(response, "CDC:ErrAPINotFound");
            assertThat(response.json().get("error_msg").asText()).contains(request[1]);
        }
    }

    @Test
    void aBodyOverTheLimitIsA400() {
        String huge = "{\"log_level\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        Http.Response response = Http.post(base, "/api/v2/log", huge);
        assertThat(response.status()).isEqualTo(400);
        assertError(response, "CDC:ErrAPIInvalidParam");
    }

    @Test
    void metricsArePrometheusTextWithJvmAndCaptureMetrics() {
        Http.Response response = Http.get(base, "/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body())
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .containsPattern("(?m)^cdc4j_capture_is_owner 1\\.0$")
                .containsPattern("(?m)^cdc4j_captures_alive 1\\.0$")
                .containsPattern("(?m)^cdc4j_capture_liveness 0\\.0$");
    }

    static void assertError(Http.Response response, String code) {
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(fieldNames(error)).containsExactly("error_msg", "error_code");
        assertThat(error.get("error_code").asText()).isEqualTo(code);
        assertThat(error.get("error_msg").asText()).startsWith("[" + code + "]");
    }

    static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
