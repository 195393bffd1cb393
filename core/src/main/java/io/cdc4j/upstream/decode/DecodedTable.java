package io.cdc4j.upstream.decode;

import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import java.io.Serializable;

/** A table's shape plus one decoder per column: turns the library's raw rows into {@link RowImage}s. */
public final class DecodedTable {
    private final TableInfo info;
    private final CellDecoder[] decoders;

    DecodedTable(TableInfo info, CellDecoder[] decoders) {
        if (decoders.length != info.columns().size()) {
            throw new IllegalArgumentException(decoders.length + " decoders for " + info.columns().size() + " columns");
        }
        this.info = info;
        this.decoders = decoders.clone();
    }

    /** The decoder of each column, in order (not a copy: do not change it). */
    CellDecoder[] decoders() {
        return decoders;
    }

    /** The table's shape. */
    public TableInfo info() {
        return info;
    }

    /** Decodes one full row image (binlog_row_image=FULL: one raw cell per column, null for SQL NULL). */
    public RowImage decode(Serializable[] raw) {
        if (raw.length != decoders.length) {
            throw new IllegalStateException("row of " + raw.length + " cells for " + decoders.length + " columns of "
                    + info.name() + ": binlog_row_image must be FULL");
        }
        Object[] values = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Serializable cell = raw[i];
            values[i] = cell == null ? null : decoders[i].decode(cell);
        }
        return new RowImage(values);
    }
}
