package io.cdc4j.codec.canal;

import io.cdc4j.codec.GoJsonText;
import io.cdc4j.codec.Message;
import io.cdc4j.codec.MessageEncoder;
import io.cdc4j.codec.MySqlColumnType;
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

/**
 * Encodes rows, DDL and watermarks as TiCDC's canal-json messages (../shared/reference/protocols.md section 1): one
 * JSON object per event with the fields in TiCDC's order, every value as a string ({@link TiCdcValues}), the
 * column types of the row's table version, and with the TiDB extension the commit ts ({@code _tidb}).
 */
public final class CanalJsonEncoder implements MessageEncoder {
    private final CanalJsonOptions options;
    private final TiCdcValues values;
    private final LongSupplier clockMillis;

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
        TableInfo table = row.table();
        List<MySqlColumnType> types = types(table);
        RowImage shown = row.after().or(row::before).orElseThrow();
        StringBuilder json = new StringBuilder(256);
        json.append("{\"id\":0,\"database\":");
        GoJsonText.quote(json, table.name().schema()).append(",\"table\":");
        GoJsonText.quote(json, table.name().table()).append(",\"pkNames\":[");
        for (int i = 0; i < table.primaryKey().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            GoJsonText.quote(json, table.columns().get(table.primaryKey().get(i)).name());
        }
        json.append("],\"isDdl\":false,\"type\":\"").append(typeOf(row.kind())).append("\",\"es\":")
                .append(Tso.physical(row.commitTs())).append(",\"ts\":").append(clockMillis.getAsLong())
                .append(",\"sql\":\"\",\"sqlType\":{");
        for (int i = 0; i < table.columns().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            GoJsonText.quote(json, table.columns().get(i).name()).append(':')
                    .append(types.get(i).sqlType(shown.value(i).orElse(null)));
        }
        json.append("},\"mysqlType\":{");
        for (int i = 0; i < table.columns().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            GoJsonText.quote(json, table.columns().get(i).name()).append(':');
            GoJsonText.quote(json, types.get(i).canalName());
        }
        json.append("},\"old\":");
        if (row.kind() == RowKind.UPDATE) {
            json.append('[');
            image(json, table, types, row.before().orElseThrow(), options.onlyOutputUpdatedColumns()
                    ? row.after() : Optional.empty());
            json.append(']');
        } else {
            json.append("null");
        }
        json.append(",\"data\":[");
        image(json, table, types, shown, Optional.empty());
        json.append(']');
        if (options.enableTidbExtension()) {
            json.append(",\"_tidb\":{\"commitTs\":").append(row.commitTs()).append('}');
        }
        return bytes(json.append('}'));
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
    private void image(StringBuilder json, TableInfo table, List<MySqlColumnType> types, RowImage image,
                       Optional<RowImage> changedFrom) {
        json.append('{');
        boolean first = true;
        for (int i = 0; i < table.columns().size(); i++) {
            Object value = image.value(i).orElse(null);
            if (changedFrom.isPresent() && Objects.deepEquals(value, changedFrom.get().value(i).orElse(null))) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            ColumnInfo column = table.columns().get(i);
            GoJsonText.quote(json, column.name()).append(':');
            if (value == null) {
                json.append("null");
            } else {
                GoJsonText.quote(json, values.text(column, types.get(i), value));
            }
        }
        json.append('}');
    }

    private static List<MySqlColumnType> types(TableInfo table) {
        return table.columns().stream().map(column -> MySqlColumnType.of(table, column)).toList();
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
