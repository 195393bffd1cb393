package io.cdc4j.consumer.open;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.consumer.Change;
import io.cdc4j.consumer.ChangeDecoder;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.RowKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads TiCDC open-protocol messages as {@link Change}s, from the protocol's description (not from cdc4j's encoder):
 * the key is a big-endian int64 version (1) followed by events' keys, each an int64 length and a JSON object; the
 * value holds the events' values the same way, in the same order. A key's {@code t} says what the event is: 1 a row
 * ({@code u} the new image, with {@code p} the old one of an update; {@code d} a deleted row), 2 a DDL ({@code q}),
 * 3 a resolved ts, which is the watermark.
 */
public final class OpenProtocolChangeDecoder implements ChangeDecoder {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final long VERSION = 1;
    private static final int BINARY = 0x01;
    private static final int HANDLE_KEY = 0x02;
    private static final int PRIMARY_KEY = 0x08;
    private static final int UNSIGNED = 0x80;

    @Override
    public List<Change> decode(byte[] key, byte[] value) {
        if (key == null || key.length < Long.BYTES) {
            throw invalid("its key is shorter than the version header");
        }
        ByteBuffer keys = ByteBuffer.wrap(key);
        long version = keys.getLong();
        if (version != VERSION) {
            throw invalid("its key has version " + version + ", not " + VERSION);
        }
        ByteBuffer values = ByteBuffer.wrap(value == null ? new byte[0] : value);
        List<Change> changes = new ArrayList<>();
        while (keys.hasRemaining()) {
            JsonNode eventKey = json(next(keys, "key"), "key");
            byte[] eventValue = next(values, "value");
            changes.add(event(eventKey, eventValue));
        }
        if (values.hasRemaining()) {
            throw invalid("its value holds more events than its key");
        }
        return changes;
    }

    private static Change event(JsonNode key, byte[] value) {
        long ts = number(key, "ts");
        int type = (int) number(key, "t");
        String schema = key.path("scm").asText("");
        String table = key.path("tbl").asText("");
        if (key.path("ohk").asBoolean(false)) {
            throw ChangeDecoder.handleKeyOnly(schema + "." + table);
        }
        return switch (type) {
            case 1 -> row(ts, schema, table, json(value, "value"));
            case 2 -> {
                JsonNode ddl = json(value, "value");
                if (!ddl.path("q").isTextual()) {
                    throw invalid("a DDL event without its query (q)");
                }
                yield new Change.Ddl(ts, schema, ddl.get("q").asText());
            }
            case 3 -> new Change.Watermark(ts);
            default -> throw invalid("unknown event type t=" + type);
        };
    }

    private static Change.Row row(long ts, String schema, String table, JsonNode value) {
        RowKind kind;
        JsonNode image;
        if (value.has("d")) {
            kind = RowKind.DELETE;
            image = value.get("d");
        } else if (value.has("u")) {
            kind = value.has("p") ? RowKind.UPDATE : RowKind.INSERT;
            image = value.get("u");
        } else {
            throw invalid("a row event with neither u nor d");
        }
        if (!image.isObject()) {
            throw invalid("a row event whose columns are not an object");
        }
        List<Change.Column> columns = new ArrayList<>();
        List<String> handle = new ArrayList<>();
        List<String> primary = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = image.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode column = field.getValue();
            int code = (int) number(column, "t");
            int flags = column.path("f").asInt(0);
            if (column.path("h").asBoolean(false) || (flags & HANDLE_KEY) != 0) {
                handle.add(field.getKey());
            }
            if ((flags & PRIMARY_KEY) != 0) {
                primary.add(field.getKey());
            }
            columns.add(new Change.Column(field.getKey(), mysqlType(code, flags), text(code, flags,
                    column.path("v"))));
        }
        return new Change.Row(ts, schema, table, kind, columns, handle.isEmpty() ? primary : handle);
    }

    /** The MySQL type name of a TiDB type code, as the consumers' {@link Change.Column} names types. */
    static String mysqlType(int code, int flags) {
        boolean binary = (flags & BINARY) != 0;
        String base = switch (code) {
            case 1 -> "tinyint";
            case 2 -> "smallint";
            case 3 -> "int";
            case 4 -> "float";
            case 5 -> "double";
            case 7 -> "timestamp";
            case 8 -> "bigint";
            case 9 -> "mediumint";
            case 10 -> "date";
            case 11 -> "time";
            case 12 -> "datetime";
            case 13 -> "year";
            case 15, 253 -> binary ? "varbinary" : "varchar";
            case 16 -> "bit";
            case 245 -> "json";
            case 246 -> "decimal";
            case 247 -> "enum";
            case 248 -> "set";
            case 249 -> binary ? "tinyblob" : "tinytext";
            case 250 -> binary ? "mediumblob" : "mediumtext";
            case 251 -> binary ? "longblob" : "longtext";
            case 252 -> binary ? "blob" : "text";
            case 254 -> binary ? "binary" : "char";
            case 255 -> "geometry";
            default -> throw invalid("unknown column type t=" + code);
        };
        boolean numeric = code <= 5 || code == 8 || code == 9 || code == 246;
        return numeric && (flags & UNSIGNED) != 0 ? base + " unsigned" : base;
    }

    /**
     * A value in the consumers' text form: numbers, temporal values, DECIMAL and JSON as their text; every TEXT and
     * BLOB type from base64; binary CHAR and VARCHAR from Go's escapes; binary values as ISO-8859-1 characters.
     */
    static String text(int code, int flags, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : value.decimalValue().toPlainString();
        }
        if (!value.isTextual()) {
            throw invalid("a column value that is neither a number nor a string: " + value);
        }
        boolean binary = (flags & BINARY) != 0;
        String text = value.asText();
        if (code >= 249 && code <= 252) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw invalid("a TEXT or BLOB value that is not base64");
            }
            return binary ? new String(bytes, StandardCharsets.ISO_8859_1) : new String(bytes, StandardCharsets.UTF_8);
        }
        if ((code == 15 || code == 253 || code == 254) && binary) {
            return new String(GoUnquote.bytes(text), StandardCharsets.ISO_8859_1);
        }
        return text;
    }

    private static byte[] next(ByteBuffer buffer, String what) {
        if (buffer.remaining() < Long.BYTES) {
            throw invalid("its " + what + " ends inside an event's length");
        }
        long length = buffer.getLong();
        if (length < 0 || length > buffer.remaining()) {
            throw invalid("an event's " + what + " length " + length + " runs past the message");
        }
        byte[] bytes = new byte[(int) length];
        buffer.get(bytes);
        return bytes;
    }

    private static JsonNode json(byte[] bytes, String what) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw invalid("an event's " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid("an event's " + what + " is not JSON");
        }
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber()) {
            throw invalid("'" + field + "' is missing or not a number");
        }
        return value.asLong();
    }

    private static CdcException invalid(String why) {
        return new CdcException(ErrorCode.CODEC_DECODE, "not an open-protocol message: " + why);
    }
}
