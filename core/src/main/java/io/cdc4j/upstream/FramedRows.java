package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.EventType;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.upstream.decode.BinlogRowReader;
import io.cdc4j.upstream.decode.DecodedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sealed part of a transaction's rows, still as the binlog's bytes: what the binlog thread hands on instead of
 * decoded rows, so that decoding runs off it. {@link #rows} decodes the part on the calling thread, or waits for
 * the thread that claimed it first ({@link #decodeIfUnclaimed}): a part is decoded exactly once, and nobody waits
 * for a part nobody decodes. Once decoded its bytes are let go, so a part never holds both.
 */
public final class FramedRows {
    private static final int UNCLAIMED = 0;
    private static final int CLAIMED = 1;
    private static final int DONE = 2;

    private final long commitTs;
    private final int part;
    private final int rowCount;
    private final AtomicInteger state = new AtomicInteger(UNCLAIMED);
    private final AtomicBoolean offered = new AtomicBoolean();
    private List<FramedSlice> slices;
    private RowBatch batch;
    private CdcException error;

    FramedRows(long commitTs, int part, List<FramedSlice> slices) {
        this.commitTs = commitTs;
        this.part = part;
        this.slices = List.copyOf(slices);
        int rows = 0;
        for (FramedSlice slice : this.slices) {
            rows += slice.rows();
        }
        this.rowCount = rows;
    }

    /** The commit ts of the transaction the rows belong to. */
    public long commitTs() {
        return commitTs;
    }

    /** The part's 0-based index in its transaction. */
    public int part() {
        return part;
    }

    /** How many rows the part holds. */
    public int rowCount() {
        return rowCount;
    }

    /** True the first time only: whoever gets true offers the part to the decode workers. */
    boolean markOffered() {
        return offered.compareAndSet(false, true);
    }

    /** Whether another thread holds the part and is decoding it now. */
    public boolean isBeingDecoded() {
        return state.get() == CLAIMED;
    }

    /** Whether the part was decoded (or failed to decode) already. */
    public boolean isDecoded() {
        return state.get() == DONE;
    }

    /**
     * Decodes the part here if no thread claimed it yet; false if one did. A failure is kept for {@link #rows}
     * to throw on the thread that delivers the part.
     */
    public boolean decodeIfUnclaimed() {
        if (!claim()) {
            return false;
        }
        decodeClaimed();
        return true;
    }

    /** Makes the calling thread the part's decoder, if nobody is yet; it must then {@link #decodeClaimed}. */
    boolean claim() {
        return state.compareAndSet(UNCLAIMED, CLAIMED);
    }

    /**
     * The decoded rows: decoded here if nobody claimed the part, else once the claiming thread is done.
     *
     * @throws CdcException UPSTREAM_BINLOG_READ naming the event's binlog file and position when its rows cannot
     *                      be decoded
     */
    public RowBatch rows() throws InterruptedException {
        if (claim()) {
            decodeClaimed();
        } else if (state.get() != DONE) {
            synchronized (this) {
                while (state.get() != DONE) {
                    wait();
                }
            }
        }
        if (error != null) {
            throw error;
        }
        return batch;
    }

    /** Decodes the part this thread {@link #claim claimed}, keeping the rows or the failure, and wakes waiters. */
    void decodeClaimed() {
        try {
            batch = new RowBatch(commitTs, part, decode(slices));
        } catch (CdcException e) {
            error = e;
        } catch (Throwable e) {
            FramedSlice first = slices.getFirst();
            error = new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "decoding the rows of the part of the "
                    + "transaction at ts " + commitTs + " from " + first.file() + ":" + first.position()
                    + " failed with " + e.getClass().getName(), e);
        }
        slices = null;
        state.set(DONE);
        synchronized (this) {
            notifyAll();
        }
    }

    private List<RowChange> decode(List<FramedSlice> parts) {
        List<RowChange> rows = new ArrayList<>(rowCount);
        for (FramedSlice slice : parts) {
            int before = rows.size();
            DecodedTable table = slice.table().table();
            RowKind kind = kindOf(slice.type());
            try {
                slice.table().reader().decode(slice.type(), slice.body(), (old, now) ->
                        rows.add(new RowChange(kind, table.info(), commitTs,
                                old == null ? Optional.empty() : Optional.of(new RowImage(old)),
                                now == null ? Optional.empty() : Optional.of(new RowImage(now)))));
            } catch (RuntimeException e) {
                throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot decode the rows of " + table.info()
                        .name() + " in the binlog event at " + slice.file() + ":" + slice.position(), e);
            }
            if (rows.size() - before != slice.rows()) {
                throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog event at " + slice.file() + ":"
                        + slice.position() + " decodes as " + (rows.size() - before) + " rows of "
                        + table.info().name() + " where its framing counted " + slice.rows()
                        + "; nothing of it was replicated, report the table's definition");
            }
        }
        return rows;
    }

    private static RowKind kindOf(EventType type) {
        if (BinlogRowReader.isUpdate(type)) {
            return RowKind.UPDATE;
        }
        return switch (type) {
            case WRITE_ROWS, EXT_WRITE_ROWS, PRE_GA_WRITE_ROWS -> RowKind.INSERT;
            case DELETE_ROWS, EXT_DELETE_ROWS, PRE_GA_DELETE_ROWS -> RowKind.DELETE;
            default -> throw new IllegalStateException("a " + type + " event is not a rows event");
        };
    }

    @Override
    public String toString() {
        return "FramedRows{ts=" + commitTs + ", part=" + part + ", rows=" + rowCount + "}";
    }
}
