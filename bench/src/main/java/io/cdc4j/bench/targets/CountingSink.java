package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.workload.BenchSchema;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;

/**
 * Wraps a changefeed's real sink and reports its rows to {@link Arrivals} once they are durable: when the sink calls
 * the completion of the part that holds them, as the checkpoint sees them. In a lag run each row's lag runs from its
 * {@code written} column to that moment.
 */
final class CountingSink implements Sink {
    private final Sink delegate;
    private final Arrivals arrivals;

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
            public void probe(SinkUri uri, ReplicaConfig config) {
                standard.probe(uri, config);
            }

            @Override
            public void check(SinkUri uri, ReplicaConfig config) {
                standard.check(uri, config);
            }
        });
    }

    @Override
    public void writeRows(RowBatch part, Completion done) {
        long[] written = new long[arrivals.measuresLag() ? part.rows().size() : 0];
        int count = 0;
        if (written.length > 0) {
            for (RowChange row : part.rows()) {
                Object value = row.after().flatMap(image -> image.value(BenchSchema.WRITTEN_COLUMN)).orElse(null);
                if (value != null) {
                    written[count++] = RowTimes.micros(value);
                }
            }
        }
        delegate.writeRows(part, new Counted(part.rows().size(), written, count, done));
    }

    @Override
    public void endTransaction(long commitTs) {
        delegate.endTransaction(commitTs);
    }

    @Override
    public void writeDdl(DdlEvent ddl, Completion done) {
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

    /** A part's completion that counts its rows, and their lag in a lag run, when the sink calls it. */
    private final class Counted implements Completion {
        private final int rows;
        private final long[] writtenMicros;
        private final int writtenCount;
        private final Completion delegate;

        private Counted(int rows, long[] writtenMicros, int writtenCount, Completion delegate) {
            this.rows = rows;
            this.writtenMicros = writtenMicros;
            this.writtenCount = writtenCount;
            this.delegate = delegate;
        }

        @Override
        public void done() {
            long now = Arrivals.nowMicros();
            for (int i = 0; i < writtenCount; i++) {
                arrivals.lag(writtenMicros[i], now);
            }
            arrivals.rows(rows);
            delegate.done();
        }

        @Override
        public void failed(Throwable cause) {
            delegate.failed(cause);
        }
    }
}
