package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.TransactionCommit;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A one-statement transaction of many rows flows through a small memory quota in parts with one commit ts. */
class LargeTransactionIT {
    private static final Logger LOG = LoggerFactory.getLogger(LargeTransactionIT.class);
    private static final int ROWS = 1_000_000;
    private static final long QUOTA = 8L << 20;
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aMillionRowTransactionFlowsThroughABoundedBuffer() throws Exception {
        server.execute("CREATE DATABASE big", "CREATE TABLE big.t (id BIGINT PRIMARY KEY, name VARCHAR(40), v INT)");
        AtomicLong rows = new AtomicLong();
        AtomicLong idSum = new AtomicLong();
        Set<Long> commitTs = new HashSet<>();
        AtomicLong parts = new AtomicLong();
        AtomicLong commits = new AtomicLong();
        ChangeEventSink counting = new ChangeEventSink() {
            @Override
            public void onRows(RowBatch batch) {
                parts.incrementAndGet();
                commitTs.add(batch.commitTs());
                rows.addAndGet(batch.rows().size());
                batch.rows().forEach(row -> idSum.addAndGet((Long) row.after().orElseThrow().value(0).orElseThrow()));
            }

            @Override
            public void onDdl(DdlEvent ddl) {
            }

            @Override
            public void onCommit(TransactionCommit commit) {
                commitTs.add(commit.commitTs());
                commits.incrementAndGet();
            }

            @Override
            public void onResolved(ResolvedTs resolved) {
            }
        };
        try (BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.Now(), counting,
                ReaderOptions.defaults().withMemoryQuota(QUOTA), new InMemoryTableIdAllocator(1),
                ReaderStatusListener.NONE)) {
            long written = System.nanoTime();
            server.execute("INSERT INTO big.t SELECT seq, CONCAT('row-', seq), seq % 1000 FROM big.seq_1_to_" + ROWS);
            long read = System.nanoTime();
            await().atMost(Duration.ofMinutes(3)).until(() -> rows.get() == ROWS && commits.get() == 1);
            long done = System.nanoTime();
            double seconds = (done - read) / 1e9;
            LOG.info("{} rows: written in {} s, read {} s after the commit, {} rows/s over write+read; peak buffer {} bytes",
                    ROWS, (read - written) / 1e9, seconds, (long) (ROWS / ((done - written) / 1e9)),
                    reader.peakBufferedBytes());
            assertThat(reader.peakBufferedBytes()).isLessThanOrEqualTo(QUOTA + (1L << 20));
        }
        assertThat(commitTs).hasSize(1);
        assertThat(parts.get()).isGreaterThan(100);
        assertThat(idSum.get()).isEqualTo((long) ROWS * (ROWS + 1) / 2);
    }
}
