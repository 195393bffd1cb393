package io.cdc4j.sink;

import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code blackhole://} sink: counts rows, transactions and DDL, discards them, and completes each at once. */
public final class BlackholeSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(BlackholeSink.class);

    private final ChangefeedId changefeed;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong ddls = new AtomicLong();
    private long pendingRows;
    private long pendingTransactions;
    private long pendingDdls;

    public BlackholeSink(ChangefeedId changefeed) {
        this.changefeed = Objects.requireNonNull(changefeed, "changefeed");
    }

    @Override
    public void writeRows(RowBatch part, Completion done) {
        pendingRows += part.rows().size();
        rows.addAndGet(part.rows().size());
        done.done();
    }

    @Override
    public void endTransaction(long commitTs) {
        pendingTransactions++;
        transactions.incrementAndGet();
    }

    @Override
    public void writeDdl(DdlEvent ddl, Completion done) {
        pendingDdls++;
        ddls.incrementAndGet();
        LOG.debug("changefeed {} blackhole discards DDL at commit ts {}: {}", changefeed, ddl.commitTs(), ddl.query());
        done.done();
    }

    @Override
    public void flush(long resolvedTs) {
        if (pendingTransactions > 0 || pendingDdls > 0) {
            LOG.debug("changefeed {} blackhole discarded {} rows in {} transactions and {} DDL up to ts {}",
                    changefeed, pendingRows, pendingTransactions, pendingDdls, resolvedTs);
        }
        pendingRows = 0;
        pendingTransactions = 0;
        pendingDdls = 0;
    }

    /** Rows discarded since the sink was opened. */
    public long rowCount() {
        return rows.get();
    }

    /** Transactions discarded since the sink was opened. */
    public long transactionCount() {
        return transactions.get();
    }

    /** DDL discarded since the sink was opened. */
    public long ddlCount() {
        return ddls.get();
    }

    @Override
    public void close() {
        LOG.debug("changefeed {} blackhole closed after {} rows, {} transactions, {} DDL", changefeed, rows.get(),
                transactions.get(), ddls.get());
    }
}
