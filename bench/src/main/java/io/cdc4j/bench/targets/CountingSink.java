package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.workload.BenchSchema;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Wraps a changefeed's real sink and reports its rows to {@link Arrivals} once they are durable: once the sink's
 * durable ts has reached their commit ts, as the checkpoint sees them. In a lag run each row's lag runs from its
 * {@code written} column to that moment.
 */
final class CountingSink implements Sink {
    private final Sink delegate;
    private final Arrivals arrivals;
    private final Deque<Transaction> pending = new ArrayDeque<>();

    private CountingSink(Sink delegate, Arrivals arrivals) {
        this.delegate = delegate;
        this.arrivals = arrivals;
    }

    /** The standard sinks, with {@code scheme}'s sink wrapped so its durable rows count as arrivals. */
    static SinkFactory counting(String scheme, Arrivals arrivals) {
        SinkFactory standard = SinkFactory.standard();
        return standard.with(scheme, new SinkFactory.Opener() {
            @Override
            public Sink open(ChangefeedId changefeed, SinkUri uri, ReplicaConfig config) {
                return new CountingSink(standard.open(changefeed, uri, config), arrivals);
            }

            @Override
            public void probe(SinkUri uri) {
                standard.probe(uri);
            }
        });
    }

    @Override
    public void writeRows(RowBatch batch) {
        delegate.writeRows(batch);
        synchronized (pending) {
            Transaction transaction = transaction(batch.commitTs());
            transaction.rows += batch.rows().size();
            if (arrivals.measuresLag()) {
                for (RowChange row : batch.rows()) {
                    row.after().flatMap(image -> image.value(BenchSchema.WRITTEN_COLUMN))
                            .ifPresent(written -> transaction.written(RowTimes.micros(written)));
                }
            }
        }
    }

    private Transaction transaction(long commitTs) {
        Transaction last = pending.peekLast();
        if (last == null || last.commitTs != commitTs) {
            last = new Transaction(commitTs);
            pending.addLast(last);
        }
        return last;
    }

    @Override
    public void writeDdl(DdlEvent ddl) {
        delegate.writeDdl(ddl);
    }

    @Override
    public void flush(long resolvedTs) {
        delegate.flush(resolvedTs);
        report(delegate.durableTs());
    }

    @Override
    public long durableTs() {
        long durable = delegate.durableTs();
        report(durable);
        return durable;
    }

    /** Counts the transactions the durable ts covers; the processor's report calls it while rows are written. */
    private void report(long durable) {
        long now = Arrivals.nowMicros();
        long rows = 0;
        synchronized (pending) {
            while (!pending.isEmpty() && pending.peekFirst().commitTs <= durable) {
                Transaction done = pending.pollFirst();
                for (int i = 0; i < done.writtenCount; i++) {
                    arrivals.lag(done.writtenMicros[i], now);
                }
                rows += done.rows;
            }
        }
        if (rows > 0) {
            arrivals.rows((int) rows);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** A transaction's rows handed to the sink, not yet durable, with their write times in a lag run. */
    private static final class Transaction {
        private final long commitTs;
        private long rows;
        private long[] writtenMicros = new long[0];
        private int writtenCount;

        private Transaction(long commitTs) {
            this.commitTs = commitTs;
        }

        private void written(long micros) {
            if (writtenCount == writtenMicros.length) {
                writtenMicros = Arrays.copyOf(writtenMicros, Math.max(16, writtenCount * 2));
            }
            writtenMicros[writtenCount++] = micros;
        }
    }
}
