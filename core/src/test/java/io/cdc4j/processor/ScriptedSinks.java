package io.cdc4j.processor;

import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.sink.BlackholeSink;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Test fixture, a fake for failures a real sink cannot be made to produce on demand: the real {@code blackhole://}
 * sink, except that a test scripts, per changefeed, a throwable its {@code flush} throws (a fake
 * {@link OutOfMemoryError}, say) or a latch its {@code flush}, its next open or its {@code close} blocks on (a
 * downstream that stopped answering), or holds the completions of its writes until the test releases them (a
 * downstream slow to commit); and sees every sink opened, what reached it in which order, and whether it was closed.
 */
final class ScriptedSinks {
    private final Map<ChangefeedId, Supplier<? extends Throwable>> throwOnFlush = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, CountDownLatch> blockOnFlush = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, CountDownLatch> blocked = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, Block> blockNextOpen = new ConcurrentHashMap<>();
    private final Map<ChangefeedId, Block> blockOnClose = new ConcurrentHashMap<>();
    private final List<Scripted> opened = new CopyOnWriteArrayList<>();
    private final Map<ChangefeedId, List<Completion>> held = new ConcurrentHashMap<>();

    SinkFactory sinks() {
        return SinkFactory.standard().with("blackhole", (changefeed, uri, config) -> {
            Block block = blockNextOpen.remove(changefeed);
            if (block != null) {
                block.await();
            }
            Scripted sink = new Scripted(changefeed, new BlackholeSink(changefeed));
            opened.add(sink);
            return sink;
        });
    }

    /** The changefeed's next open blocks until {@code release} opens; returns a latch counted when it blocks. */
    CountDownLatch blockNextOpen(ChangefeedId changefeed, CountDownLatch release) {
        Block block = new Block(release);
        blockNextOpen.put(changefeed, block);
        return block.reached();
    }

    /** The changefeed's sinks block in close until {@code release} opens; returns a latch counted when one blocks. */
    CountDownLatch blockOnClose(ChangefeedId changefeed, CountDownLatch release) {
        Block block = new Block(release);
        blockOnClose.put(changefeed, block);
        return block.reached();
    }

    /** Every sink opened for a changefeed, oldest first. */
    List<Scripted> openedFor(ChangefeedId changefeed) {
        return opened.stream().filter(sink -> sink.changefeed.equals(changefeed)).toList();
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

    /** The changefeed's sinks keep the completions of their writes from now on, until {@link #release}. */
    void holdCompletions(ChangefeedId changefeed) {
        held.put(changefeed, new CopyOnWriteArrayList<>());
    }

    /** Calls every completion held for the changefeed, and stops holding them. */
    void release(ChangefeedId changefeed) {
        List<Completion> completions = held.remove(changefeed);
        if (completions != null) {
            completions.forEach(Completion::done);
        }
    }

    /** Fails every completion held for the changefeed with {@code cause}, and stops holding them. */
    void failHeld(ChangefeedId changefeed, Throwable cause) {
        List<Completion> completions = held.remove(changefeed);
        if (completions != null) {
            completions.forEach(completion -> completion.failed(cause));
        }
    }

    /** A sink as the test sees it: what reached it, and whether it was closed. */
    final class Scripted implements Sink {
        private final ChangefeedId changefeed;
        private final Sink delegate;
        private final AtomicLong calls = new AtomicLong();
        private final List<String> received = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        Scripted(ChangefeedId changefeed, Sink delegate) {
            this.changefeed = changefeed;
            this.delegate = delegate;
        }

        @Override
        public void writeRows(RowBatch batch, Completion done) {
            calls.incrementAndGet();
            received.add("rows@" + batch.commitTs());
            delegate.writeRows(batch, holding(done));
        }

        @Override
        public void endTransaction(long commitTs) {
            received.add("end@" + commitTs);
            delegate.endTransaction(commitTs);
        }

        @Override
        public void writeDdl(DdlEvent ddl, Completion done) {
            calls.incrementAndGet();
            received.add("ddl@" + ddl.commitTs());
            delegate.writeDdl(ddl, holding(done));
        }

        /** The completion, or one that parks it for the test while the changefeed's completions are held. */
        private Completion holding(Completion done) {
            List<Completion> parked = held.get(changefeed);
            if (parked == null) {
                return done;
            }
            return new Completion() {
                @Override
                public void done() {
                    parked.add(done);
                }

                @Override
                public void failed(Throwable cause) {
                    done.failed(cause);
                }
            };
        }

        /** What reached this sink, in order: {@code rows@ts}, {@code end@ts}, {@code ddl@ts}. */
        List<String> received() {
            return received;
        }

        @Override
        public void flush(long resolvedTs) {
            calls.incrementAndGet();
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
        public void close() {
            Block block = blockOnClose.get(changefeed);
            if (block != null) {
                block.await();
            }
            closed = true;
            delegate.close();
        }

        /** Rows, DDL and flushes that reached this sink. */
        long calls() {
            return calls.get();
        }

        boolean isClosed() {
            return closed;
        }
    }

    /** Where a scripted call waits for the test: {@code reached} is counted when a call arrives. */
    private record Block(CountDownLatch release, CountDownLatch reached) {
        Block(CountDownLatch release) {
            this(release, new CountDownLatch(1));
        }

        void await() {
            reached.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void throwUnchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) failure;
    }
}
