package io.cdc4j.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.sink.NetEffectFolder;
import io.cdc4j.sink.TableTxn;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker thread that dies for any reason but {@link Worker#stop} reports the cause, so the sink fails with it. */
class WorkerTest {
    /**
     * A fake Error standing in for an OutOfMemoryError, which a test cannot cause for real without risking its JVM.
     */
    static final class FakeOutOfMemoryError extends Error {
        FakeOutOfMemoryError() {
            super("fake: Java heap space");
        }
    }

    private final AtomicReference<CdcException> failure = new AtomicReference<>();
    private final HikariDataSource unstartedPool = new HikariDataSource();
    private Thread thread;

    @AfterEach
    void closePool() {
        unstartedPool.close();
    }

    private Worker start(LongPredicate safeFor) {
        Worker.Listener listener = new Worker.Listener() {
            @Override
            public void committed(List<TxnNode> nodes, long rows) {
                throw new AssertionError("nothing can be committed here");
            }

            @Override
            public void failed(CdcException error) {
                failure.set(error);
            }
        };
        Worker worker = new Worker(new ChangefeedId("default", "w"), 3, new Downstream(unstartedPool, ZoneOffset.UTC),
                new DmlBuilder(16, true), safeFor, 16, true, listener);
        thread = Thread.ofPlatform().name("worker-test").start(worker);
        return worker;
    }

    private static TxnNode node() {
        TableTxn txn = NetEffectFolder.fold(Rows.TS, List.of(Rows.insert(1, "a"))).getFirst();
        return new TxnNode(txn, ConflictKeys.slots(txn), new SealedGroup(List.of(), 1));
    }

    @Test
    void anErrorInTheWorkerFailsItWithTheCause() throws Exception {
        Worker worker = start(commitTs -> {
            throw new FakeOutOfMemoryError();
        });
        assertThat(worker.offer(node(), 1000)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        thread.join(Duration.ofSeconds(10));
        assertThat(thread.isAlive()).isFalse();
        assertThat(failure.get().errorCode()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(failure.get()).hasCauseInstanceOf(FakeOutOfMemoryError.class)
                .hasMessageContaining("worker 3").hasMessageContaining("fake: Java heap space");
    }

    @Test
    void anInterruptBeforeStopIsAFailureAndAfterStopIsNot() throws Exception {
        start(commitTs -> false);
        thread.interrupt();
        await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        assertThat(failure.get()).hasMessageContaining("interrupted before the sink stopped");

        failure.set(null);
        Worker stopped = start(commitTs -> false);
        stopped.stop();
        thread.interrupt();
        thread.join(Duration.ofSeconds(10));
        assertThat(thread.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
    }
}
