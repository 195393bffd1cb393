package io.cdc4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Map;

/**
 * Renames a TiCDC changefeed TOML tree's kebab-case keys to the v2 JSON names the model binds, with TiCDC's
 * exceptions: keys whose TOML and JSON words differ, Pulsar's kebab JSON keys (two of them crossed), and the legacy
 * dispatcher key {@code dispatcher}.
 */
final class TomlKeyNames {
    private static final Map<String, String> RENAMED = Map.of(
            "sink.file-index-digit", "file_index_width",
            "sink.advance-timeout-in-sec", "advance_timeout",
            "sink.send-all-bootstrap-at-start", "send-all-bootstrap-at-start",
            "sink.mysql-config.max-multi-update-row", "max_multi_update_row_count",
            "sink.pulsar-config.tls-key-file-path", "tls-certificate-path",
            "sink.pulsar-config.tls-certificate-file", "tls-private-key-path");
    private static final String PULSAR = "sink.pulsar-config";

    private TomlKeyNames() {
    }

    /** Returns a renamed copy of a parsed TOML document. */
    static JsonNode toJsonNames(JsonNode toml) {
        return renameObject((ObjectNode) toml, "");
    }

    private static JsonNode rename(JsonNode node, String path) {
        if (node.isObject()) {
            return renameObject((ObjectNode) node, path);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                out.add(rename(element, path + "[]"));
            }
            return out;
        }
        return node;
    }

    private static ObjectNode renameObject(ObjectNode object, String path) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            out.set(jsonName(key, path, keyPath), rename(field.getValue(), keyPath));
        }
        if (path.equals("sink.dispatchers[]")) {
            moveLegacyDispatcher(out);
        }
        return out;
    }

    private static String jsonName(String key, String parentPath, String keyPath) {
        String renamed = RENAMED.get(keyPath);
        if (renamed != null) {
            return renamed;
        }
        boolean pulsar = parentPath.startsWith(PULSAR);
        if (key.contains("_") || (pulsar && RENAMED.containsValue(key)) || (!pulsar && RENAMED.containsValue(snake(key)))) {
            throw unknownKey(keyPath);
        }
        return pulsar ? key : snake(key);
    }

    private static void moveLegacyDispatcher(ObjectNode rule) {
        JsonNode legacy = rule.remove("dispatcher");
        if (legacy == null) {
            return;
        }
        if (rule.has("partition")) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG,
                    "sink.dispatchers: dispatcher and partition cannot be configured both for one rule");
        }
        rule.set("partition", legacy);
    }

    private static String snake(String key) {
        return key.replace('-', '_');
    }

    static CdcException unknownKey(String keyPath) {
        return new CdcException(ErrorCode.INVALID_REPLICA_CONFIG, "unknown config key " + keyPath);
    }
}
