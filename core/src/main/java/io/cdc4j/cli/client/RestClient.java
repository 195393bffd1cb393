package io.cdc4j.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cdc4j.api.ApiJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP to one capture: sends a request, returns the answer's JSON, and turns every failure into one of two
 * plain exceptions (the server's error, or no server), so commands never show a stack trace.
 */
final class RestClient {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Removing a changefeed waits for the owner for up to about ten seconds; leave room for that. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ServerAddress server;
    private final HttpClient http;

    RestClient(ServerAddress server) {
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    ServerAddress server() {
        return server;
    }

    /** Sends {@code method path} with an optional JSON body; answers the parsed body ({@link MissingNode} if empty). */
    JsonNode send(String method, String pathAndQuery, Optional<JsonNode> body) {
        URI uri = server.resolve(pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (body.isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body.get())));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() < 200 || response.statusCode() > 206) {
            throw failure(method, uri, response);
        }
        return parse(method, uri, response);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServerUnreachableException("cannot connect to the cdc server at " + server + ": " + reason(e));
        } catch (IOException e) {
            throw new ServerUnreachableException("no answer from the cdc server at " + server + " to "
                    + request.method() + " " + request.uri().getRawPath() + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for the cdc server at " + server);
        }
    }

    private static ApiException failure(String method, URI uri, HttpResponse<String> response) {
        Optional<JsonNode> body = tryParse(response.body());
        Optional<String> message = body.map(b -> b.path("error_msg")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (message.isPresent()) {
            String code = body.get().path("error_code").asText("");
            return new ApiException(response.statusCode(), code, message.get());
        }
        return new ApiException(response.statusCode(), "", "call to the cdc API failed: " + method + " " + uri
                + " answered " + response.statusCode() + " ("
                + response.headers().firstValue("Content-Type").orElse("no content type") + "): "
                + (response.body().isBlank() ? "empty body" : response.body().strip()));
    }

    private static JsonNode parse(String method, URI uri, HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        return tryParse(response.body()).orElseThrow(() -> new ApiException(response.statusCode(), "",
                "the cdc server answered " + method + " " + uri + " with a body that is not JSON: "
                        + response.body().strip()));
    }

    private static Optional<JsonNode> tryParse(String text) {
        try {
            return Optional.ofNullable(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a JSON tree", e);
        }
    }

    /** The most specific words the exception chain has; the JDK leaves a refused or unresolved connection wordless. */
    private static String reason(Throwable e) {
        String found = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                found = t.getMessage();
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
}
