package io.cdc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.server.CdcServer;
import io.cdc4j.testing.Http;
import io.cdc4j.testing.InProcessServers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked-in OpenAPI document describes exactly the routes the server serves, and is served itself. */
class OpenApiIT {
    @TempDir
    Path dir;

    @Test
    void theDocumentListsExactlyTheServedRoutes() throws IOException {
        JsonNode checkedIn = new ObjectMapper().readTree(Path.of("..", "docs", "openapi.json").toFile());
        try (CdcServer server = InProcessServers.withEmbeddedMeta(dir)) {
            Http.Response served = Http.get(InProcessServers.baseUrl(server), "/api/v2/openapi.json");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.contentType()).startsWith("application/json");
            assertThat(served.json()).isEqualTo(checkedIn);

            assertThat(documented(checkedIn)).containsExactlyInAnyOrderElementsOf(server.apiRoutes());
        }
    }

    private static List<String> documented(JsonNode document) {
        List<String> routes = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }
}
