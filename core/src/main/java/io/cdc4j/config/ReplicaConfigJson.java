package io.cdc4j.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.stream.Collectors;

/**
 * The v2 API's JSON form of {@link ReplicaConfig}: decode a create body over the defaults, decode an update body into
 * an empty config, and encode for responses (durations as integer nanoseconds, unset fields omitted).
 */
public final class ReplicaConfigJson {
    private static final ObjectMapper MAPPER = newMapper();
    private static final JsonNode DEFAULTS_TREE = MAPPER.valueToTree(ReplicaConfig.defaults());
    private static final ObjectReader LENIENT = MAPPER.readerFor(ReplicaConfig.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader STRICT = MAPPER.readerFor(ReplicaConfig.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReplicaConfigJson() {
    }

    /** The mapper configured for replica configs; other API types that embed a config can share it. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Create semantics: fields the body leaves out, also inside nested objects, keep TiCDC's defaults; arrays replace. */
    public static ReplicaConfig decodeOverDefaults(String json) {
        return decodeOverDefaults(readTree(json));
    }

    /** Create semantics for a {@code replica_config} already parsed as part of a larger body. */
    public static ReplicaConfig decodeOverDefaults(JsonNode body) {
        return decodeOver(ReplicaConfig.defaults(), body);
    }

    /** Decodes {@code body} over an existing config: what the body leaves out keeps the base's value. */
    public static ReplicaConfig decodeOver(ReplicaConfig base, JsonNode body) {
        requireObject(body);
        return bind(JsonTreeMerge.merge(treeOf(base), body), LENIENT, ErrorCode.API_INVALID_PARAM);
    }

    /**
     * Update semantics: the body replaces the whole config. Absent top-level scalars become false/0, absent sections
     * and durations take defaults, absent fields inside a given section are unset or zero.
     */
    public static ReplicaConfig decodeReplacing(String json) {
        return decodeReplacing(readTree(json));
    }

    /** Update semantics for a {@code replica_config} already parsed as part of a larger body. */
    public static ReplicaConfig decodeReplacing(JsonNode body) {
        requireObject(body);
        return bind(body, LENIENT, ErrorCode.API_INVALID_PARAM);
    }

    /** The JSON text of a config as the v2 API returns it. */
    public static String encode(ReplicaConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new CdcException(ErrorCode.INTERNAL, "cannot encode replica config", e);
        }
    }

    /** The JSON tree of a config as the v2 API returns it, for embedding in a larger response. */
    public static JsonNode toTree(ReplicaConfig config) {
        return MAPPER.valueToTree(config);
    }

    /** Binds a snake-case tree strictly: an unknown key is an error (TOML files); {@code badValue} is the code for a wrong value. */
    static ReplicaConfig bindStrict(JsonNode tree, ErrorCode badValue) {
        return bind(tree, STRICT, badValue);
    }

    /** The default config as a tree, the base a file or body is merged over. */
    static JsonNode treeOf(ReplicaConfig config) {
        return config.equals(ReplicaConfig.defaults()) ? DEFAULTS_TREE.deepCopy() : MAPPER.valueToTree(config);
    }

    private static ReplicaConfig bind(JsonNode tree, ObjectReader reader, ErrorCode badValue) {
        try {
            return reader.readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            throw new CdcException(ErrorCode.INVALID_REPLICA_CONFIG,
                    "unknown config key " + fieldPath(e.getPath(), ".").replace('_', '-'));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CdcException(badValue, cause.getMessage());
        } catch (JsonMappingException e) {
            throw new CdcException(badValue,
                    "invalid value for field " + fieldPath(e.getPath(), ".") + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new CdcException(badValue, "cannot decode replica config", e);
        }
    }

    static String fieldPath(java.util.List<JsonMappingException.Reference> path, String separator) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(separator))
                .replace(separator + "[", "[");
    }

    private static JsonNode readTree(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null) {
                throw new CdcException(ErrorCode.API_INVALID_PARAM, "empty replica config body");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "replica_config must be a JSON object");
        }
    }

    private static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .addModule(new Jdk8Module())
                .addModule(DurationJson.module())
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
