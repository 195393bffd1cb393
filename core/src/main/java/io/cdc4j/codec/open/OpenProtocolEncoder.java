package io.cdc4j.codec.open;

import io.cdc4j.codec.CodecOptions;
import io.cdc4j.codec.GoJsonText;
import io.cdc4j.codec.Message;
import io.cdc4j.codec.MessageEncoder;
import io.cdc4j.codec.PerTableVersion;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Encodes rows, DDL and resolved ts as TiCDC's open protocol (../shared/reference/protocols.md section 2): each event a
 * JSON key ({@code ts}, {@code scm}, {@code tbl}, {@code t}: 1 row, 2 DDL, 3 resolved) and a JSON value (a row's
 * columns under {@code u}, {@code p} and {@code d}, each {@code {"t":type,"h":true,"f":flags,"v":value}}, sorted by
 * name; a DDL's {@code q} and {@code t}), framed with big-endian int64 lengths after a version header in the key.
 * Consecutive rows to one partition are batched into one message ({@link #batch}), up to {@code max-batch-size}.
 */
public final class OpenProtocolEncoder implements MessageEncoder {
    static final long VERSION = 1;
    static final int ROW = 1;
    static final int DDL = 2;
    static final int RESOLVED = 3;
    /** The bytes a batch adds per event: an int64 length before its key and one before its value. */
    static final int FRAME_BYTES = 16;

    private final CodecOptions options;
    private final OpenValues values;
    private final PerTableVersion<OpenTable> tables = new PerTableVersion<>(OpenTable::of);

    public OpenProtocolEncoder(CodecOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.values = new OpenValues(options.timeZone());
    }

    @Override
    public Message row(RowChange row) {
        return row(row, false);
    }

    /** The handle key's columns only, the key marked {@code "ohk":true}. */
    @Override
    public Optional<Message> rowHandleKeyOnly(RowChange row) {
        return Optional.of(row(row, true));
    }

    private Message row(RowChange row, boolean keyOnly) {
        OpenTable table = tables.of(row.table());
        StringBuilder value = new StringBuilder(256).append('{');
        switch (row.kind()) {
            case INSERT -> columns(value.append("\"u\":"), table, row.after().orElseThrow(), Optional.empty(),
                    keyOnly);
            case DELETE -> columns(value.append("\"d\":"), table, row.before().orElseThrow(), Optional.empty(),
                    keyOnly || options.deleteOnlyHandleKeyColumns());
            case UPDATE -> {
                RowImage after = row.after().orElseThrow();
                columns(value.append("\"u\":"), table, after, Optional.empty(), keyOnly);
                if (options.outputOldValue()) {
                    columns(value.append(",\"p\":"), table, row.before().orElseThrow(),
                            options.onlyOutputUpdatedColumns() ? Optional.of(after) : Optional.empty(), keyOnly);
                }
            }
        }
        value.append('}');
        StringBuilder key = new StringBuilder(96).append("{\"ts\":").append(row.commitTs());
        names(key, row.table().name().schema(), row.table().name().table());
        key.append(",\"t\":").append(ROW);
        if (keyOnly) {
            key.append(",\"ohk\":true");
        }
        key.append('}');
        return framed(key, value);
    }

    @Override
    public Message ddl(DdlEvent ddl) {
        StringBuilder key = new StringBuilder(96).append("{\"ts\":").append(ddl.commitTs());
        names(key, ddl.tables().isEmpty() ? ddl.schema() : ddl.tables().getFirst().schema(),
                ddl.tables().isEmpty() ? "" : ddl.tables().getFirst().table());
        key.append(",\"t\":").append(DDL).append('}');
        StringBuilder value = new StringBuilder(32 + ddl.query().length()).append("{\"q\":");
        GoJsonText.quote(value, ddl.query()).append(",\"t\":").append(OpenDdlTypes.of(ddl.type())).append('}');
        return framed(key, value);
    }

    /** The resolved event, sent whatever the options: open-protocol consumers order by it. */
    @Override
    public Optional<Message> watermark(long resolvedTs) {
        byte[] key = ("{\"ts\":" + resolvedTs + ",\"t\":" + RESOLVED + "}").getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Message(frameKey(key), frameValue(new byte[0])));
    }

    /** Open-protocol sends a DDL to every partition of its topic. */
    @Override
    public boolean ddlToEveryPartition() {
        return true;
    }

    /**
     * Consecutive row messages combined as TiCDC batches them: a new message once one holds {@code max-batch-size}
     * events, or when the next event would take it over {@code maxMessageBytes}.
     */
    @Override
    public List<Message> batch(List<Message> rows, int maxMessageBytes) {
        if (rows.size() < 2 || options.maxBatchSize() == 1) {
            return rows;
        }
        List<Message> batches = new ArrayList<>();
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        int events = 0;
        for (Message row : rows) {
            int eventBytes = row.key().length - Long.BYTES + row.value().length;
            if (events > 0 && (events == options.maxBatchSize()
                    || key.size() + value.size() + Message.RECORD_OVERHEAD + eventBytes > maxMessageBytes)) {
                batches.add(new Message(key.toByteArray(), value.toByteArray(), events));
                key.reset();
                value.reset();
                events = 0;
            }
            if (events == 0) {
                key.write(row.key(), 0, row.key().length);
            } else {
                key.write(row.key(), Long.BYTES, row.key().length - Long.BYTES);
            }
            value.write(row.value(), 0, row.value().length);
            events++;
        }
        batches.add(new Message(key.toByteArray(), value.toByteArray(), events));
        return batches;
    }

    private void columns(StringBuilder json, OpenTable table, RowImage image, Optional<RowImage> changedTo,
                         boolean handleKeyOnly) {
        json.append('{');
        boolean first = true;
        for (int i : table.byName()) {
            if (handleKeyOnly && !table.handleKey(i)) {
                continue;
            }
            Object value = image.value(i).orElse(null);
            if (changedTo.isPresent() && Objects.deepEquals(value, changedTo.get().value(i).orElse(null))) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(table.quotedNames().get(i)).append(":{\"t\":").append(table.typeCodes()[i]);
            if (table.handleKey(i)) {
                json.append(",\"h\":true");
            }
            json.append(",\"f\":").append(table.flags()[i]).append(",\"v\":");
            if (value == null) {
                json.append("null");
            } else {
                values.append(json, table, i, value);
            }
            json.append('}');
        }
        json.append('}');
    }

    private static void names(StringBuilder key, String schema, String table) {
        if (!schema.isEmpty()) {
            GoJsonText.quote(key.append(",\"scm\":"), schema);
        }
        if (!table.isEmpty()) {
            GoJsonText.quote(key.append(",\"tbl\":"), table);
        }
    }

    private static Message framed(StringBuilder key, StringBuilder value) {
        return new Message(frameKey(key.toString().getBytes(StandardCharsets.UTF_8)),
                frameValue(value.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] frameKey(byte[] key) {
        return ByteBuffer.allocate(2 * Long.BYTES + key.length).putLong(VERSION).putLong(key.length).put(key).array();
    }

    private static byte[] frameValue(byte[] value) {
        return ByteBuffer.allocate(Long.BYTES + value.length).putLong(value.length).put(value).array();
    }
}
