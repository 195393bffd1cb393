package io.cdc4j.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a running playground's parts answer: the form scripts and tests read from the ready file.
 *
 * @param upstream   the upstream MariaDB as {@code mysql://root@host:port/}
 * @param downstream the downstream MariaDB, same form (usable as a sink URI)
 * @param captures   each capture's API base URL, the first one first
 * @param zookeeper  the embedded ZooKeeper's {@code host:port}
 * @param kafka      the Kafka broker's {@code host:port}, when the playground started one
 */
public record PlaygroundEndpoints(String upstream, String downstream, List<String> captures, String zookeeper,
                                  Optional<String> kafka) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PlaygroundEndpoints {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
        captures = List.copyOf(captures);
        Objects.requireNonNull(zookeeper, "zookeeper");
        Objects.requireNonNull(kafka, "kafka");
        if (captures.isEmpty()) {
            throw new IllegalArgumentException("a playground has at least one capture");
        }
    }

    /** Without a Kafka broker. */
    public PlaygroundEndpoints(String upstream, String downstream, List<String> captures, String zookeeper) {
        this(upstream, downstream, captures, zookeeper, Optional.empty());
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

    /**
     * {@code {"upstream": ..., "downstream": ..., "captures": [...], "zookeeper": ..., "kafka": ...}}, keys in that
     * order; {@code kafka} only when a broker runs.
     */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("upstream", upstream);
        fields.put("downstream", downstream);
        fields.put("captures", captures);
        fields.put("zookeeper", zookeeper);
        kafka.ifPresent(address -> fields.put("kafka", address));
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the playground's endpoints as JSON", e);
        }
    }
}
