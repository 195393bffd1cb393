package io.cdc4j.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The v2 routes {@code cdc cli} calls, one method each, answering the server's JSON as it came. */
public final class ApiV2Client {
    private static final String CHANGEFEEDS = "/api/v2/changefeeds";

    private final RestClient rest;

    public ApiV2Client(ServerAddress server) {
        this.rest = new RestClient(server);
    }

    /** The capture this client talks to. */
    public ServerAddress server() {
        return rest.server();
    }

    /** {@code POST /api/v2/changefeeds}: the created ChangeFeedInfo. */
    public JsonNode createChangefeed(ObjectNode body) {
        return rest.send("POST", CHANGEFEEDS, Optional.of(body));
    }

    /** {@code GET /api/v2/changefeeds?namespace=&state=}: the list's items. */
    public List<JsonNode> listChangefeeds(String namespace, String state) {
        JsonNode answer = rest.send("GET", CHANGEFEEDS + "?namespace=" + encode(namespace) + "&state=" + encode(state),
                Optional.empty());
        return items(answer);
    }

    /** {@code GET /api/v2/changefeeds/{id}}: the ChangeFeedInfo. */
    public JsonNode getChangefeed(String namespace, String id) {
        return rest.send("GET", one(id) + inNamespace(namespace), Optional.empty());
    }

    /** {@code PUT /api/v2/changefeeds/{id}}: the updated ChangeFeedInfo. */
    public JsonNode updateChangefeed(String namespace, String id, ObjectNode body) {
        return rest.send("PUT", one(id) + inNamespace(namespace), Optional.of(body));
    }

    /** {@code POST /api/v2/changefeeds/{id}/pause}. */
    public void pauseChangefeed(String namespace, String id) {
        rest.send("POST", one(id) + "/pause" + inNamespace(namespace), Optional.empty());
    }

    /** {@code POST /api/v2/changefeeds/{id}/resume} with {@code {"overwrite_checkpoint_ts": ts}} (0 keeps it). */
    public void resumeChangefeed(String namespace, String id, ObjectNode body) {
        rest.send("POST", one(id) + "/resume" + inNamespace(namespace), Optional.of(body));
    }

    /** {@code DELETE /api/v2/changefeeds/{id}}. */
    public void removeChangefeed(String namespace, String id) {
        rest.send("DELETE", one(id) + inNamespace(namespace), Optional.empty());
    }

    /** {@code GET /api/v2/captures}: the list's items. */
    public List<JsonNode> captures() {
        return items(rest.send("GET", "/api/v2/captures", Optional.empty()));
    }

    /** {@code GET /api/v2/processors}: the list's items. */
    public List<JsonNode> processors() {
        return items(rest.send("GET", "/api/v2/processors", Optional.empty()));
    }

    /** {@code GET /api/v2/processors/{changefeed}/{capture}}: {@code {"table_ids": [...]}}. */
    public JsonNode processor(String namespace, String changefeedId, String captureId) {
        return rest.send("GET", "/api/v2/processors/" + encode(changefeedId) + "/" + encode(captureId)
                + inNamespace(namespace), Optional.empty());
    }

    private static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("items").forEach(items::add);
        return List.copyOf(items);
    }

    private static String one(String id) {
        return CHANGEFEEDS + "/" + encode(id);
    }

    private static String inNamespace(String namespace) {
        return "?namespace=" + encode(namespace);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
