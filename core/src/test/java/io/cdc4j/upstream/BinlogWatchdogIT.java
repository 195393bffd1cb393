package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.RowChange;
import io.cdc4j.testing.BlackholeProxy;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A binlog flow that goes silent without a reset (a blackhole) is dropped by the reader's watchdog and reopened
 * from the last boundary, with no gap and no repeat; an idle but healthy upstream keeps it alive by heartbeats.
 */
class BinlogWatchdogIT {
    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    private static final Duration SILENCE = Duration.ofSeconds(2);
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start();
        server.execute("CREATE DATABASE w", "CREATE TABLE w.t (id INT PRIMARY KEY)");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static ReaderOptions options() {
        return ReaderOptions.defaults().withHeartbeat(HEARTBEAT, SILENCE);
    }

    private static UpstreamConfig through(BlackholeProxy proxy) {
        return UpstreamUri.parse("mysql://root:@127.0.0.1:" + proxy.port() + "/?server-id=" + server.config().serverId());
    }

    @Test
    void heartbeatsKeepAnIdleHealthyConnection() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (BlackholeProxy proxy = BlackholeProxy.start("127.0.0.1", server.port());
             BinlogReader reader = BinlogReader.start(through(proxy), new StartPoint.Now(), new RecordingSink(),
                     options(), new InMemoryTableIdAllocator(1), listener)) {
            await().atMost(Duration.ofSeconds(10)).until(reader::isConnected);
            await().during(SILENCE.multipliedBy(3)).atMost(SILENCE.multipliedBy(4))
                    .until(() -> listener.losses().isEmpty() && reader.isConnected());
            assertThat(listener.connects()).isEqualTo(1);
        }
    }

    @Test
    void aBlackholedFlowIsDroppedAndReopenedWithoutGapOrRepeat() throws Exception {
        RecordingSink sink = new RecordingSink();
        RecordingListener listener = new RecordingListener();
        try (BlackholeProxy proxy = BlackholeProxy.start("127.0.0.1", server.port());
             BinlogReader reader = BinlogReader.start(through(proxy), new StartPoint.Now(), sink, options(),
                     new InMemoryTableIdAllocator(1), listener)) {
            await().atMost(Duration.ofSeconds(10)).until(reader::isConnected);
            server.execute("INSERT INTO w.t VALUES (1)", "INSERT INTO w.t VALUES (2)");
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.rows().size() == 2);

            proxy.blackhole();
            long cut = System.nanoTime();
            server.execute("INSERT INTO w.t VALUES (3)", "INSERT INTO w.t VALUES (4)");
            await().atMost(SILENCE.plusSeconds(3)).until(() -> !listener.losses().isEmpty());
            Duration noticed = Duration.ofNanos(System.nanoTime() - cut);
            assertThat(listener.losses().getFirst()).hasMessageContaining("no binlog event nor heartbeat");
            assertThat(noticed).isLessThan(SILENCE.plusSeconds(2));
            assertThat(reader.failure()).isEmpty();

            server.execute("INSERT INTO w.t VALUES (5)");
            proxy.heal();
            server.execute("INSERT INTO w.t VALUES (6)");
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rows().size() >= 6 && reader.isConnected());
            assertThat(reader.failure()).isEmpty();
        }
        List<Object> ids = sink.rows().stream().map(RowChange::after)
                .map(after -> after.orElseThrow().value(0).orElseThrow()).toList();
        assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
        assertThat(sink.commits()).extracting(c -> c.commitTs()).isSorted().doesNotHaveDuplicates();
    }
}
