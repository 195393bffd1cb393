package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.EventData;

/**
 * A rows event as the reader thread keeps it: the event body's bytes and the binlog table id they belong to, not
 * yet decoded into cells, so that decoding can run on another thread (see {@link BinlogRowReader}).
 */
public final class RowsEventBytes implements EventData {
    private final long tableId;
    private final byte[] body;

    /** The body of a rows event (from its table id on, without the checksum). */
    public RowsEventBytes(long tableId, byte[] body) {
        this.tableId = tableId;
        this.body = body;
    }

    /** The binlog table id the rows are of (the TABLE_MAP before them). */
    public long tableId() {
        return tableId;
    }

    /** The event body; shared, not copied: do not change it. */
    public byte[] body() {
        return body;
    }

    /** The table id as every rows event's body starts with it: 6 bytes little-endian. */
    static long tableIdOf(byte[] body) {
        long id = 0;
        for (int i = 5; i >= 0; i--) {
            id = (id << 8) | (body[i] & 0xFF);
        }
        return id;
    }

    @Override
    public String toString() {
        return "RowsEventBytes{tableId=" + tableId + ", bytes=" + body.length + "}";
    }
}
