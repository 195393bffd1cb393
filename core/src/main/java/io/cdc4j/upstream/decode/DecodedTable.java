package io.cdc4j.upstream.decode;

import io.cdc4j.model.TableInfo;

/** A table's shape plus one decoder per column, with which {@link BinlogRowReader} turns rows into final values. */
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
}
