package io.cdc4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The create body of the v2 OpenAPI document (seed 001), whose {@code replica_config} the API must accept. */
class SeedExampleTest {

    private static ObjectNode seedReplicaConfig() throws IOException {
        try (InputStream in = SeedExampleTest.class.getResourceAsStream("seed-create-body.json")) {
            ObjectNode body = (ObjectNode) ReplicaConfigJson.mapper().readTree(in);
            ObjectNode config = (ObjectNode) body.get("replica_config");
            // The document writes "string" as the placeholder for its STRING-typed durations; use real Go durations.
            config.put("sync_point_interval", "10m");
            config.put("sync_point_retention", "1h30m");
            return config;
        }
    }

    @Test
    void seedBodyParsesOverDefaults() throws IOException {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults(seedReplicaConfig());

        assertThat(config.bdrMode()).isTrue();
        assertThat(config.memoryQuota()).isZero();
        assertThat(config.syncPointRetention()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.filter().eventFilters()).hasSize(1);
        assertThat(config.filter().eventFilters().get(0).ignoreUpdateOldValueExpr()).isEqualTo("string");
        assertThat(config.filter().ignoreTxnStartTs()).containsExactly(0L);
        assertThat(config.sink().csv().orElseThrow().nullString()).isEqualTo("string");
        assertThat(config.sink().csv().orElseThrow().binaryEncodingMethod()).isEqualTo("base64");
        assertThat(config.sink().dispatchers().get(0).topic()).isEqualTo("string");
        assertThat(config.sink().columnSelectors().get(0).columns()).containsExactly("string");
        assertThat(config.consistent().level()).isEqualTo("string");
        assertThat(config.consistent().metaFlushInterval()).isEqualTo(200);
    }

    @Test
    void seedBodyRoundTrips() throws IOException {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults(seedReplicaConfig());

        JsonNode encoded = ReplicaConfigJson.toTree(config);

        assertThat(encoded.get("sync_point_interval").asLong()).isEqualTo(600_000_000_000L);
        assertThat(encoded.has("enable_old_value")).isFalse();
        assertThat(ReplicaConfigJson.decodeReplacing(encoded)).isEqualTo(config);
        assertThat(ReplicaConfigJson.decodeOverDefaults(encoded)).isEqualTo(config);
    }
}
