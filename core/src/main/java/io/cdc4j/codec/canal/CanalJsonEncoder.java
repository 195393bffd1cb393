package io.cdc4j.codec.canal;

import io.cdc4j.codec.GoJsonText;
import io.cdc4j.codec.JsonBytes;
import io.cdc4j.codec.Message;
import io.cdc4j.codec.MessageEncoder;
import io.cdc4j.codec.MySqlColumnType;
import io.cdc4j.codec.PerTableVersion;
import io.cdc4j.codec.TiCdcValues;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.Tso;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Encodes rows, DDL and watermarks as TiCDC's canal-json messages (../shared/reference/protocols.md section 1): one
 * JSON object per event with the fields in TiCDC's order, every value as a string ({@link TiCdcValues}), the
 * column types of the row's table version, and with the TiDB extension the commit ts ({@code _tidb}).
 */
public final class CanalJsonEncoder implements MessageEncoder {
    private final CanalJsonOptions options;
    private final TiCdcValues values;
    private final LongSupplier clockMillis;
    private final PerTableVersion<CanalTable> tables = new PerTableVersion<>(CanalTable::of);

    /**
     * @param clockMillis the wall clock each message's {@code ts} (the encode time) is read from
     */
    public CanalJsonEncoder(CanalJsonOptions options, LongSupplier clockMillis) {
        this.options = Objects.requireNonNull(options, "options");
        this.values = new TiCdcValues(options.timeZone());
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    @Override
    public Message row(RowChange row) {
        return row(row, row.kind() == RowKind.DELETE && options.deleteOnlyHandleKeyColumns(), false);
    }

    /** With the TiDB extension only: the handle key's columns and {@code _tidb.onlyHandleKey}. */
    @Override
    public Optional<Message> rowHandleKeyOnly(RowChange row) {
        return options.enableTidbExtension() ? Optional.of(row(row, true, true)) : Optional.empty();
    }

    private Message row(RowChange row, boolean keyOnly, boolean markedKeyOnly) {
        TableInfo table = row.table();
        CanalTable layout = tables.of(table);
        List<MySqlColumnType> types = layout.types();
        RowImage shown = row.after().or(row::before).orElseThrow();
        int[] columns = keyOnly ? layout.handleKey() : layout.all();
        JsonBytes json = new JsonBytes(layout.sizeHint());
        json.raw(layout.head()).ascii(typeOf(row.kind())).ascii("\",\"es\":").number(Tso.physical(row.commitTs()))
                .ascii(",\"ts\":").number(clockMillis.getAsLong()).ascii(",\"sql\":\"\",\"sqlType\":{");
        for (int n = 0; n < columns.length; n++) {
            int i = columns[n];
            if (n > 0) {
                json.ascii(',');
            }
            json.raw(layout.namesWithColon().get(i)).number(types.get(i).sqlType(shown.value(i).orElse(null)));
        }
        json.raw(keyOnly ? layout.handleKeyMysqlTypes() : layout.mysqlTypes());
        if (row.kind() == RowKind.UPDATE) {
            json.ascii('[');
            image(json, table, layout, columns, row.before().orElseThrow(), options.onlyOutputUpdatedColumns()
                    ? row.after() : Optional.empty());
            json.ascii(']');
        } else {
            json.ascii("null");
        }
        json.ascii(",\"data\":[");
        image(json, table, layout, columns, shown, Optional.empty());
        json.ascii(']');
        if (options.enableTidbExtension()) {
            json.ascii(",\"_tidb\":{\"commitTs\":").number(row.commitTs());
            if (markedKeyOnly) {
                json.ascii(",\"onlyHandleKey\":true");
            }
            json.ascii('}');
        }
        return Message.of(json.ascii('}').bytes());
    }

    @Override
    public Message ddl(DdlEvent ddl) {
        StringBuilder json = new StringBuilder(128 + ddl.query().length());
        json.append("{\"id\":0,\"database\":");
        GoJsonText.quote(json, ddl.tables().isEmpty() ? ddl.schema() : ddl.tables().getFirst().schema())
                .append(",\"table\":");
        GoJsonText.quote(json, ddl.tables().isEmpty() ? "" : ddl.tables().getFirst().table())
                .append(",\"pkNames\":null,\"isDdl\":true,\"type\":\"").append(CanalDdlTypes.of(ddl.type()))
                .append("\",\"es\":").append(Tso.physical(ddl.commitTs())).append(",\"ts\":")
                .append(clockMillis.getAsLong()).append(",\"sql\":");
        GoJsonText.quote(json, ddl.query()).append(",\"sqlType\":null,\"mysqlType\":null,\"data\":null,\"old\":null");
        if (options.enableTidbExtension()) {
            json.append(",\"_tidb\":{\"commitTs\":").append(ddl.commitTs()).append('}');
        }
        return bytes(json.append('}'));
    }

    /** The watermark message; TiCDC sends it only with the TiDB extension. */
    @Override
    public Optional<Message> watermark(long resolvedTs) {
        if (!options.enableTidbExtension()) {
            return Optional.empty();
        }
        return Optional.of(bytes(new StringBuilder(200).append("{\"id\":0,\"database\":\"\",\"table\":\"\",\"pkNames\":null,")
                .append("\"isDdl\":false,\"type\":\"TIDB_WATERMARK\",\"es\":").append(Tso.physical(resolvedTs))
                .append(",\"ts\":").append(clockMillis.getAsLong()).append(",\"sql\":\"\",\"sqlType\":null,")
                .append("\"mysqlType\":null,\"data\":null,\"old\":null,\"_tidb\":{\"watermarkTs\":")
                .append(resolvedTs).append("}}")));
    }

    /** canal-json sends a DDL to partition 0 only. */
    @Override
    public boolean ddlToEveryPartition() {
        return false;
    }

    /** The columns of {@code image} as a JSON object; with {@code changedFrom}, only those whose value differs. */
    private void image(JsonBytes json, TableInfo table, CanalTable layout, int[] columns, RowImage image,
                       Optional<RowImage> changedFrom) {
        List<MySqlColumnType> types = layout.types();
        json.ascii('{');
        boolean first = true;
        for (int i : columns) {
            Object value = image.value(i).orElse(null);
            if (changedFrom.isPresent() && Objects.deepEquals(value, changedFrom.get().value(i).orElse(null))) {
                continue;
            }
            if (!first) {
                json.ascii(',');
            }
            first = false;
            ColumnInfo column = table.columns().get(i);
            json.raw(layout.namesWithColon().get(i));
            if (value == null) {
                json.ascii("null");
            } else {
                json.quote(values.text(column, types.get(i), value));
            }
        }
        json.ascii('}');
    }

    /**
     * What every row message of a table version shares, in UTF-8: its columns' types, their quoted names with the
     * colon after them, the message's start up to the {@code type} value, and its {@code mysqlType} object through to
     * {@code "old":}, for every column and for the handle key's columns alone; and a first guess of a row's size.
     */
    private record CanalTable(List<MySqlColumnType> types, List<byte[]> namesWithColon, byte[] head, int[] all,
                              byte[] mysqlTypes, int[] handleKey, byte[] handleKeyMysqlTypes, int sizeHint) {
        static CanalTable of(TableInfo table) {
            List<MySqlColumnType> types = table.columns().stream().map(column -> MySqlColumnType.of(table, column))
                    .toList();
            List<String> names = table.columns().stream()
                    .map(column -> GoJsonText.quote(new StringBuilder(), column.name()).toString()).toList();
            StringBuilder head = new StringBuilder("{\"id\":0,\"database\":");
            GoJsonText.quote(head, table.name().schema()).append(",\"table\":");
            GoJsonText.quote(head, table.name().table()).append(",\"pkNames\":[");
            for (int i = 0; i < table.primaryKey().size(); i++) {
                if (i > 0) {
                    head.append(',');
                }
                head.append(names.get(table.primaryKey().get(i)));
            }
            head.append("],\"isDdl\":false,\"type\":\"");
            int[] all = IntStream.range(0, types.size()).toArray();
            int[] handleKey = (table.primaryKey().isEmpty() ? table.uniqueKey() : table.primaryKey()).stream()
                    .mapToInt(Integer::intValue).toArray();
            byte[] mysqlTypes = utf8(mysqlTypes(types, names, all));
            List<byte[]> namesWithColon = names.stream().map(name -> utf8(name + ":")).toList();
            int hint = 256 + 2 * mysqlTypes.length + 24 * types.size();
            return new CanalTable(types, namesWithColon, utf8(head.toString()), all, mysqlTypes, handleKey,
                    utf8(mysqlTypes(types, names, handleKey)), hint);
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static String mysqlTypes(List<MySqlColumnType> types, List<String> names, int[] columns) {
            StringBuilder mysqlTypes = new StringBuilder("},\"mysqlType\":{");
            for (int n = 0; n < columns.length; n++) {
                if (n > 0) {
                    mysqlTypes.append(',');
                }
                mysqlTypes.append(names.get(columns[n])).append(':');
                GoJsonText.quote(mysqlTypes, types.get(columns[n]).canalName());
            }
            return mysqlTypes.append("},\"old\":").toString();
        }
    }

    private static String typeOf(RowKind kind) {
        return switch (kind) {
            case INSERT -> "INSERT";
            case UPDATE -> "UPDATE";
            case DELETE -> "DELETE";
        };
    }

    private static Message bytes(StringBuilder json) {
        return Message.of(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
