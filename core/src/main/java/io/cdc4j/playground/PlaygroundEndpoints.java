package io.cdc4j.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a running playground's parts answer: the form scripts and tests read from the ready file.
 *
 * @param upstream   the upstream MariaDB as {@code mysql://root@host:port/}
 * @param downstream the downstream MariaDB, same form (usable as a sink URI)
 * @param captures   each capture's API base URL, the first one first
 * @param zookeeper  the embedded ZooKeeper's {@code host:port}
 */
public record PlaygroundEndpoints(String upstream, String downstream, List<String> captures, String zookeeper) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PlaygroundEndpoints {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
        captures = List.copyOf(captures);
        Objects.requireNonNull(zookeeper, "zookeeper");
        if (captures.isEmpty()) {
            throw new IllegalArgumentException("a playground has at least one capture");
        }
    }

    /** The first capture's API, where the examples send their requests. */
    public String firstCapture() {
        return captures.getFirst();
    }

    /** {@code jdbc:mariadb://host:port/?user=root} for a {@code mysql://root@host:port/} URI. */
    public static String jdbcUrl(String mysqlUri) {
        URI uri = URI.create(mysqlUri);
        String user = uri.getUserInfo() == null ? "root" : uri.getUserInfo();
        return "jdbc:mariadb://" + uri.getHost() + ":" + uri.getPort() + "/?user=" + user;
    }

    /** {@code {"upstream": ..., "downstream": ..., "captures": [...], "zookeeper": ...}}, keys in that order. */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("upstream", upstream);
        fields.put("downstream", downstream);
        fields.put("captures", captures);
        fields.put("zookeeper", zookeeper);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the playground's endpoints as JSON", e);
        }
    }
}
