package io.cdc4j.meta;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;

/** The JSON form of the values cdc4j keeps in ZooKeeper; replica configs are stored in their v2 API form. */
final class MetaJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(replicaConfigModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private MetaJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(byte[] data, Class<T> type, String path) {
        try {
            return MAPPER.readValue(data, type);
        } catch (IOException e) {
            throw new CdcException(ErrorCode.META_STORE, "the data at " + path + " is not a valid "
                    + type.getSimpleName(), e);
        }
    }

    private static SimpleModule replicaConfigModule() {
        SimpleModule module = new SimpleModule("cdc4j-meta-replica-config");
        module.addSerializer(ReplicaConfig.class, new JsonSerializer<>() {
            @Override
            public void serialize(ReplicaConfig value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeTree(ReplicaConfigJson.toTree(value));
            }
        });
        module.addDeserializer(ReplicaConfig.class, new JsonDeserializer<>() {
            @Override
            public ReplicaConfig deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode tree = parser.readValueAsTree();
                return ReplicaConfigJson.decodeReplacing(tree);
            }
        });
        return module;
    }
}
