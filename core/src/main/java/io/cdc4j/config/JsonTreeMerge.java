package io.cdc4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Deep-merges a request tree over a base tree as Go's JSON decoder fills a pre-set struct: objects merge, arrays and scalars replace, null leaves the base alone. */
final class JsonTreeMerge {
    private JsonTreeMerge() {
    }

    /** Returns a new tree: {@code base} with {@code overlay} applied; neither input is changed. */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (overlay == null || overlay.isNull() || overlay.isMissingNode()) {
            return base.deepCopy();
        }
        if (!base.isObject() || !overlay.isObject()) {
            return overlay.deepCopy();
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = result.get(field.getKey());
            if (field.getValue().isNull()) {
                continue;
            }
            result.set(field.getKey(), existing == null ? field.getValue().deepCopy() : merge(existing, field.getValue()));
        }
        return result;
    }
}
