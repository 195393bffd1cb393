package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Wraps a changefeed's real sink and reports its rows to {@link Arrivals} once they are durable: once the sink's
 * durable ts has reached their commit ts, as the checkpoint sees them.
 */
final class CountingSink implements Sink {
    private final Sink delegate;
    private final Arrivals arrivals;
    private final Deque<long[]> pending = new ArrayDeque<>();

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
        long[] last = pending.peekLast();
        if (last != null && last[0] == batch.commitTs()) {
            last[1] += batch.rows().size();
        } else {
            pending.addLast(new long[] {batch.commitTs(), batch.rows().size()});
        }
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

    private void report(long durable) {
        long rows = 0;
        while (!pending.isEmpty() && pending.peekFirst()[0] <= durable) {
            rows += pending.pollFirst()[1];
        }
        if (rows > 0) {
            arrivals.rows((int) rows);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
