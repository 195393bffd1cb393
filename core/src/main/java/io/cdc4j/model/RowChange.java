package io.cdc4j.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One changed row of an upstream transaction.
 *
 * @param kind insert, update or delete
 * @param table the table's shape when the row was written
 * @param commitTs the transaction's commit ts
 * @param before the row before the change (updates and deletes)
 * @param after the row after the change (inserts and updates)
 */
public record RowChange(RowKind kind, TableInfo table, long commitTs, Optional<RowImage> before,
                        Optional<RowImage> after) {
    public RowChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        boolean wantsBefore = kind != RowKind.INSERT;
        boolean wantsAfter = kind != RowKind.DELETE;
        if (before.isPresent() != wantsBefore || after.isPresent() != wantsAfter) {
            throw new IllegalArgumentException(kind + " needs before=" + wantsBefore + " after=" + wantsAfter);
        }
        before.ifPresent(image -> checkWidth(image, table));
        after.ifPresent(image -> checkWidth(image, table));
    }

    private static void checkWidth(RowImage image, TableInfo table) {
        if (image.size() != table.columns().size()) {
            throw new IllegalArgumentException("row of " + image.size() + " values for " + table.columns().size()
                    + " columns of " + table.name());
        }
    }
}
