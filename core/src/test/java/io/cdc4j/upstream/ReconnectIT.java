package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.RowChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader survives an upstream restart: the loss is reported, and reading resumes without gaps or repeats. */
class ReconnectIT {
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
    void resumesAfterTheUpstreamRestarts() throws Exception {
        server.execute("CREATE DATABASE r", "CREATE TABLE r.t (id INT PRIMARY KEY)");
        RecordingSink sink = new RecordingSink();
        AtomicInteger losses = new AtomicInteger();
        AtomicInteger connects = new AtomicInteger();
        ReaderStatusListener listener = new ReaderStatusListener() {
            @Override
            public void onConnected() {
                connects.incrementAndGet();
            }

            @Override
            public void onConnectionLost(Throwable cause, int attempt, Duration retryIn) {
                losses.incrementAndGet();
            }
        };
        try (BinlogReader reader = BinlogReader.start(server.config(), new StartPoint.Now(), sink,
                ReaderOptions.defaults(), new InMemoryTableIdAllocator(1), listener)) {
            server.execute("INSERT INTO r.t VALUES (1)", "INSERT INTO r.t VALUES (2)");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() == 2);
            server.restart();
            await().atMost(Duration.ofSeconds(60)).until(() -> losses.get() >= 1 && reader.isConnected());
            server.execute("INSERT INTO r.t VALUES (3)");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 3);
            assertThat(reader.failure()).isEmpty();
        }
        List<Object> ids = sink.rows().stream().map(RowChange::after)
                .map(after -> after.orElseThrow().value(0).orElseThrow()).toList();
        assertThat(ids).containsExactly(1L, 2L, 3L);
        assertThat(connects.get()).isGreaterThanOrEqualTo(2);
        assertThat(sink.commits()).extracting(c -> c.commitTs()).isSorted().doesNotHaveDuplicates();
    }
}
