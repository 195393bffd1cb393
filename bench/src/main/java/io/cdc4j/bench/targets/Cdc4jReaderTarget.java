package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.workload.BenchSchema;
import io.cdc4j.config.MounterConfig;
import io.cdc4j.filter.SystemSchemas;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.mounter.Mounter;
import io.cdc4j.upstream.BinlogReader;
import io.cdc4j.upstream.ChangeEventSink;
import io.cdc4j.upstream.InMemoryTableIdAllocator;
import io.cdc4j.upstream.ReaderOptions;
import io.cdc4j.upstream.ReaderStatusListener;
import io.cdc4j.upstream.StartPoint;
import io.cdc4j.upstream.UpstreamUri;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * cdc4j's upstream path into a sink that only counts: {@link BinlogReader} (transaction assembly, commit ts,
 * the memory-quota buffer and its dispatch thread) with a {@link Mounter} decoding the typed rows, wired as a
 * changefeed wires it (TiCDC's default of 16 workers, capped by the processors). The "cdc4j -> blackhole" figure until
 * the changefeed pipeline can be driven end to end.
 */
public final class Cdc4jReaderTarget implements BenchTarget {
    @Override
    public String name() {
        return "cdc4j";
    }

    @Override
    public String description() {
        return "cdc4j BinlogReader -> counting sink";
    }

    @Override
    public boolean measuresLag() {
        return true;
    }

    @Override
    public boolean measuresLiveSet() {
        return true;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ReaderStatusListener listener = new ReaderStatusListener() {
            @Override
            public void onConnected() {
                connected.countDown();
            }
        };
        ReaderPosition position = new ReaderPosition(setup.from().file(), setup.from().position(), "", 0, 0);
        Mounter mounter = new Mounter("bench", Mounter.workersFor(MounterConfig.defaults().workerNum(),
                Runtime.getRuntime().availableProcessors()));
        BinlogReader reader;
        try {
            reader = BinlogReader.start(
                    UpstreamUri.parse("mysql://root:@127.0.0.1:" + setup.port() + "/?server-id=" + setup.serverId()),
                    new StartPoint.AtPosition(position), new CountingSink(arrivals),
                    ReaderOptions.defaults().withMemoryQuota(setup.memoryQuotaBytes()).withPrefetcher(mounter)
                            // as every changefeed's filter does: the system schemas are never read
                            .withTables(table -> !SystemSchemas.contains(table.schema())),
                    new InMemoryTableIdAllocator(1), listener);
        } catch (RuntimeException e) {
            mounter.close();
            throw e;
        }
        if (!connected.await(30, TimeUnit.SECONDS)) {
            reader.close();
            mounter.close();
            throw new IllegalStateException("cdc4j's reader did not connect", reader.failure().orElse(null));
        }
        return new Session() {
            @Override
            public Throwable failure() {
                return reader.failure().orElse(null);
            }

            @Override
            public void close() {
                reader.close();
                mounter.close();
            }
        };
    }

    /** Counts rows (and their lag) and drops everything. */
    private record CountingSink(Arrivals arrivals) implements ChangeEventSink {
        @Override
        public void onRows(RowBatch batch) {
            arrivals.rows(batch.rows().size());
            if (arrivals.measuresLag()) {
                long now = Arrivals.nowMicros();
                for (RowChange row : batch.rows()) {
                    row.after().flatMap(image -> image.value(BenchSchema.WRITTEN_COLUMN))
                            .ifPresent(written -> arrivals.lag(RowTimes.micros(written), now));
                }
            }
        }

        @Override
        public void onDdl(DdlEvent ddl) {
        }

        @Override
        public void onCommit(TransactionCommit commit) {
        }

        @Override
        public void onResolved(ResolvedTs resolved) {
        }
    }
}
