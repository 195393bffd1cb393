package io.cdc4j.upstream.decode;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.IndexSchema;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import java.util.List;

/**
 * The binlog's own row metadata as the check on the schema store: a TABLE_MAP whose columns (names, in order) or
 * primary key differ from the table version the store says is in force means that version is not the one the rows
 * were written under, and decoding them with it would put values under the wrong columns' types and keys.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * @param columns the column names the TABLE_MAP lists, in row-image order
     * @param primaryKey the indexes of its primary key columns
     * @throws CdcException SCHEMA_MISMATCH showing both when they disagree
     */
    static void agree(TableName table, List<String> columns, List<Integer> primaryKey, TableSchema version) {
        List<String> held = version.columns().stream().map(ColumnSchema::name).toList();
        boolean sameColumns = equalIgnoringCase(held, columns);
        List<String> binlogKey = primaryKey.stream().filter(i -> i >= 0 && i < columns.size()).map(columns::get)
                .toList();
        List<String> heldKey = version.primaryKey().map(IndexSchema::columns).orElse(List.of());
        // with no primary key declared, the server may report its first NOT NULL unique key as one
        boolean sameKey = heldKey.isEmpty() || equalIgnoringCase(heldKey, binlogKey);
        if (sameColumns && sameKey) {
            return;
        }
        throw new CdcException(ErrorCode.SCHEMA_MISMATCH, "the binlog's row metadata of " + table + " lists columns "
                + columns + " with primary key " + binlogKey + ", but the schema cdc4j holds for that point of the "
                + "binlog has columns " + held + " with primary key " + heldKey + "; no row of it was replicated with a"
                + " schema it was not written under. If the table was changed upstream without writing the DDL to the"
                + " binlog (sql_log_bin=0, or on another server), create the changefeed again with a start-ts after "
                + "that change; otherwise report both definitions");
    }

    private static boolean equalIgnoringCase(List<String> left, List<String> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!left.get(i).equalsIgnoreCase(right.get(i))) {
                return false;
            }
        }
        return true;
    }
}
