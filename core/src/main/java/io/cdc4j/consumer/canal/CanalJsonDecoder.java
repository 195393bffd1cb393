package io.cdc4j.consumer.canal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads canal-json messages as the format describes them (written from the description, not from cdc4j's encoder):
 * {@code isDdl} true is a DDL; otherwise {@code type} {@code TIDB_WATERMARK} is a watermark; otherwise a row change,
 * whose {@code data} holds one row (the new image, the deleted row for a DELETE) and whose {@code old} holds, for an
 * UPDATE, the old image. The commit ts comes from {@code _tidb} when the TiDB extension is on.
 */
public final class CanalJsonDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CanalJsonDecoder() {
    }

    /**
     * The event of one message.
     *
     * @throws CdcException CODEC_DECODE naming what is wrong for a message that is not canal-json
     */
    public static CanalJsonMessage decode(byte[] message) {
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (IOException e) {
            throw invalid("it is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid("it is not a JSON object");
        }
        Optional<Long> commitTs = root.path("_tidb").has("commitTs")
                ? Optional.of(root.path("_tidb").path("commitTs").asLong()) : Optional.empty();
        if (root.path("isDdl").asBoolean(false)) {
            return new CanalJsonMessage.Ddl(text(root, "type"), text(root, "database"), text(root, "table"),
                    text(root, "sql"), commitTs);
        }
        String type = text(root, "type");
        if (type.equals("TIDB_WATERMARK")) {
            JsonNode ts = root.path("_tidb").path("watermarkTs");
            if (!ts.canConvertToLong()) {
                throw invalid("a TIDB_WATERMARK without _tidb.watermarkTs");
            }
            return new CanalJsonMessage.Watermark(ts.asLong());
        }
        if (!type.equals("INSERT") && !type.equals("UPDATE") && !type.equals("DELETE")) {
            throw invalid("unknown type " + type);
        }
        JsonNode data = root.path("data");
        if (!data.isArray() || data.size() != 1) {
            throw invalid("a " + type + " whose data is not one row");
        }
        Optional<Map<String, String>> old = Optional.empty();
        if (type.equals("UPDATE")) {
            JsonNode before = root.path("old");
            if (!before.isArray() || before.size() != 1) {
                throw invalid("an UPDATE whose old is not one row");
            }
            old = Optional.of(columns(before.get(0)));
        }
        List<String> pkNames = new ArrayList<>();
        root.path("pkNames").forEach(name -> pkNames.add(name.asText()));
        Map<String, String> mysqlTypes = new LinkedHashMap<>();
        fields(root.path("mysqlType")).forEach(entry -> mysqlTypes.put(entry.getKey(), entry.getValue().asText()));
        Map<String, Integer> sqlTypes = new LinkedHashMap<>();
        fields(root.path("sqlType")).forEach(entry -> sqlTypes.put(entry.getKey(), entry.getValue().asInt()));
        return new CanalJsonMessage.Row(type, text(root, "database"), text(root, "table"), pkNames,
                columns(data.get(0)), old, mysqlTypes, sqlTypes, commitTs,
                root.path("_tidb").path("onlyHandleKey").asBoolean(false));
    }

    private static Map<String, String> columns(JsonNode row) {
        if (!row.isObject()) {
            throw invalid("a row that is not a JSON object");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        fields(row).forEach(entry -> columns.put(entry.getKey(), entry.getValue().isNull() ? null
                : entry.getValue().asText()));
        return columns;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        return fields;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    private static CdcException invalid(String why) {
        return new CdcException(ErrorCode.CODEC_DECODE, "not a canal-json message: " + why);
    }
}
