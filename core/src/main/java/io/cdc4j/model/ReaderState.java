package io.cdc4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The upstream reader's position (binlog file, offset, GTID set, last ts pair...) as an opaque JSON object.
 * It is saved with every checkpoint, so whichever capture resumes the changefeed continues the same stream.
 */
public record ReaderState(ObjectNode json) {
    public ReaderState {
        Objects.requireNonNull(json, "json");
        json = json.deepCopy();
    }

    /** The state of a reader that has not read anything yet: start from the checkpoint ts alone. */
    public static ReaderState initial() {
        return new ReaderState(JsonNodeFactory.instance.objectNode());
    }

    /** Wraps a JSON tree, which must be an object; null or missing is the initial state. */
    @JsonCreator
    public static ReaderState of(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return initial();
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("reader state must be a JSON object, got " + json.getNodeType());
        }
        return new ReaderState((ObjectNode) json);
    }

    /** Whether no reader has saved anything. */
    public boolean isInitial() {
        return json.isEmpty();
    }

    /** A copy of the JSON object (the record keeps its own). */
    @JsonValue
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }
}
