package io.cdc4j.testing;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import io.cdc4j.sink.BlackholeSink;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test fixture: the real {@code blackhole://} sink, with a recorder in front that notes, for every row
 * it is given, the value of the row's {@code txn} column and the commit ts it came with. A test then
 * checks which upstream transactions reached the sink, that each arrived whole under one ts, and the table schema
 * version its rows were decoded with.
 */
public final class RecordingBlackholes {
    private final Map<Long, Set<Long>> tsByTxn = new ConcurrentHashMap<>();
    private final Set<String> ddls = ConcurrentHashMap.newKeySet();
    private final Map<Long, TableInfo> tableByTxn = new ConcurrentHashMap<>();

    /** The standard sinks, with blackhole recorded. */
    public SinkFactory sinks() {
        return SinkFactory.standard().with("blackhole",
                (changefeed, uri, config) -> new Recording(new BlackholeSink(changefeed)));
    }

    /** The upstream transactions (values of {@code txn}) that reached a sink. */
    public Set<Long> transactions() {
        return tsByTxn.keySet();
    }

    /** The commit ts each transaction arrived with (more than one if it was replayed under another ts). */
    public Set<Long> tsOf(long txn) {
        return tsByTxn.getOrDefault(txn, Set.of());
    }

    /** The highest commit ts any recorded row came with. */
    public long maxTs() {
        return tsByTxn.values().stream().flatMap(Set::stream).mapToLong(Long::longValue).max().orElse(0);
    }

    /** The table (with the schema version it was decoded with) the last row of a transaction came with. */
    public Optional<TableInfo> tableOf(long txn) {
        return Optional.ofNullable(tableByTxn.get(txn));
    }

    /** The DDL statements that reached a sink. */
    public Set<String> ddls() {
        return ddls;
    }

    private final class Recording implements Sink {
        private final Sink delegate;

        Recording(Sink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void writeRows(RowBatch batch, Completion done) {
            for (RowChange row : batch.rows()) {
                int column = row.table().columnIndex("txn");
                if (column < 0) {
                    continue;
                }
                RowImage image = row.after().or(row::before).orElseThrow();
                long txn = ((Number) image.value(column).orElseThrow()).longValue();
                tsByTxn.computeIfAbsent(txn, key -> ConcurrentHashMap.newKeySet()).add(batch.commitTs());
                tableByTxn.put(txn, row.table());
            }
            delegate.writeRows(batch, done);
        }

        @Override
        public void endTransaction(long commitTs) {
            delegate.endTransaction(commitTs);
        }

        @Override
        public void writeDdl(DdlEvent ddl, Completion done) {
            ddls.add(ddl.query());
            delegate.writeDdl(ddl, done);
        }

        @Override
        public void flush(long resolvedTs) {
            delegate.flush(resolvedTs);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
