package io.cdc4j.processor;

import io.cdc4j.meta.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.sink.BlackholeSink;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Test fixture, a fake for failures a real sink cannot be made to produce on demand: the real {@code blackhole://}
 * sink, except that a test scripts, per changefeed, a throwable its {@code flush} throws (a fake
 * {@link OutOfMemoryError}, say) or a latch its {@code flush} blocks on (a downstream that stopped answering).
 */
final class ScriptedSinks {
    private final Map<ChangefeedId, Supplier<? extends Throwable>> throwOnFlush = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, CountDownLatch> blockOnFlush = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, CountDownLatch> blocked = new ConcurrentHashMap<>();

    SinkFactory sinks() {
        return SinkFactory.standard().with("blackhole",
                (changefeed, uri, config) -> new Scripted(changefeed, new BlackholeSink(changefeed)));
    }

    /** The changefeed's flush throws what {@code failure} makes (unchecked or an Error). */
    void throwOnFlush(ChangefeedId changefeed, Supplier<? extends Throwable> failure) {
        throwOnFlush.put(changefeed, failure);
    }

    /** The changefeed's flush blocks until {@code release} is counted down; returns a latch counted once it blocks. */
    CountDownLatch blockOnFlush(ChangefeedId changefeed, CountDownLatch release) {
        blockOnFlush.put(changefeed, release);
        CountDownLatch reached = new CountDownLatch(1);
        blocked.put(changefeed, reached);
        return reached;
    }

    private final class Scripted implements Sink {
        private final ChangefeedId changefeed;
        private final Sink delegate;

        Scripted(ChangefeedId changefeed, Sink delegate) {
            this.changefeed = changefeed;
            this.delegate = delegate;
        }

        @Override
        public void writeRows(RowBatch batch) {
            delegate.writeRows(batch);
        }

        @Override
        public void writeDdl(DdlEvent ddl) {
            delegate.writeDdl(ddl);
        }

        @Override
        public void flush(long resolvedTs) {
            Supplier<? extends Throwable> failure = throwOnFlush.get(changefeed);
            if (failure != null) {
                throwUnchecked(failure.get());
            }
            CountDownLatch release = blockOnFlush.get(changefeed);
            if (release != null) {
                blocked.get(changefeed).countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delegate.flush(resolvedTs);
        }

        @Override
        public long durableTs() {
            return delegate.durableTs();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static void throwUnchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) failure;
    }
}
