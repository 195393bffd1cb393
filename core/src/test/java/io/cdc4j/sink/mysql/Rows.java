package io.cdc4j.sink.mysql;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import java.util.List;
import java.util.Optional;

/** Tables and row changes for the sink's unit tests: {@code db.t (id BIGINT PRIMARY KEY, v VARCHAR)}. */
public final class Rows {
    public static final long TS = 100;
    public static final TableInfo TABLE = new TableInfo(7, new TableName("db", "t"), List.of(
            column("id", ColumnType.BIGINT, false), column("v", ColumnType.VARCHAR, true)), List.of(0), List.of());
    public static final TableInfo OTHER = new TableInfo(8, new TableName("db", "o"), TABLE.columns(), List.of(0), List.of());
    public static final TableInfo KEYLESS = new TableInfo(9, new TableName("db", "k"), TABLE.columns(), List.of(), List.of());

    private Rows() {
    }

    public static ColumnInfo column(String name, ColumnType type, boolean nullable) {
        return new ColumnInfo(name, type, false, nullable, type.isText() ? Optional.of("utf8mb4") : Optional.empty(),
                List.of());
    }

    public static RowImage row(long id, String value) {
        return new RowImage(new Object[] {id, value});
    }

    public static RowChange insert(long id, String value) {
        return insert(TABLE, id, value);
    }

    public static RowChange insert(TableInfo table, long id, String value) {
        return new RowChange(RowKind.INSERT, table, TS, Optional.empty(), Optional.of(row(id, value)));
    }

    public static RowChange update(long oldId, String oldValue, long newId, String newValue) {
        return new RowChange(RowKind.UPDATE, TABLE, TS, Optional.of(row(oldId, oldValue)),
                Optional.of(row(newId, newValue)));
    }

    public static RowChange delete(long id, String value) {
        return new RowChange(RowKind.DELETE, TABLE, TS, Optional.of(row(id, value)), Optional.empty());
    }
}
