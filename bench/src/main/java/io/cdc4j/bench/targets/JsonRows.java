package io.cdc4j.bench.targets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code raw-json}'s work on each row: a canal-json-like object ({@code database}, {@code table}, {@code type},
 * {@code es}, {@code ts}, and {@code data} as column name to string), written with Jackson's streaming generator into
 * a byte buffer reused for every row. The bytes are summed and reported at the end, so the encode cannot be dropped.
 */
final class JsonRows implements RawBinlogTarget.RowHook {
    private final Map<Long, TableMapEventData> tables = new HashMap<>();
    private final RowBuffer buffer = new RowBuffer();
    private final JsonGenerator json;
    private long rows;
    private long bytes;

    JsonRows() {
        try {
            json = new JsonFactory().createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator((SerializableString) null);
    }

    @Override
    public void table(TableMapEventData table) {
        TableMapEventMetadata metadata = table.getEventMetadata();
        if (metadata == null || metadata.getColumnNames() == null) {
            throw new IllegalStateException("the table map of " + table.getDatabase() + "." + table.getTable()
                    + " has no column names: the upstream needs binlog_row_metadata=FULL");
        }
        tables.put(table.getTableId(), table);
    }

    @Override
    public void row(long tableId, String type, long esMillis, Serializable[] row) {
        try {
            write(json, tables.get(tableId), type, esMillis, System.currentTimeMillis(), row);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        bytes += buffer.size();
        buffer.reset();
    }

    /** Writes one row of {@code table} as a JSON object, encoded at {@code tsMillis}; strings are UTF-8 bytes. */
    static void write(JsonGenerator json, TableMapEventData table, String type, long esMillis, long tsMillis,
                      Serializable[] row) throws IOException {
        List<String> columns = table.getEventMetadata().getColumnNames();
        json.writeStartObject();
        json.writeStringField("database", table.getDatabase());
        json.writeStringField("table", table.getTable());
        json.writeStringField("type", type);
        json.writeNumberField("es", esMillis);
        json.writeNumberField("ts", tsMillis);
        json.writeObjectFieldStart("data");
        for (int i = 0; i < row.length; i++) {
            json.writeFieldName(columns.get(i));
            switch (row[i]) {
                case null -> json.writeNull();
                case byte[] text -> json.writeUTF8String(text, 0, text.length);
                case Serializable value -> json.writeString(value.toString());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void close() {
        System.err.printf("raw-json: %,d rows encoded, %,d bytes of JSON%n", rows, bytes);
    }

    /** The bytes of one row's JSON, emptied after each row; grows to the largest row and stays there. */
    private static final class RowBuffer extends OutputStream {
        private byte[] bytes = new byte[4096];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
