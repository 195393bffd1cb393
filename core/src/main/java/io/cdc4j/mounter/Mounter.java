package io.cdc4j.mounter;

import io.cdc4j.upstream.FramedRows;
import io.cdc4j.upstream.PartPrefetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TiCDC's mounter stage for one changefeed: a pool of daemon threads that decode the binlog reader's framed parts
 * of rows ({@link FramedRows}) ahead of its dispatch thread, fed through a bounded queue. The reader never waits
 * for it: a part offered while the queue is full is decoded by the dispatch thread when it reaches it, as is a
 * part a worker has not claimed yet; the dispatch thread still delivers the parts in binlog order. A part that
 * fails to decode keeps its error for the dispatch thread, which fails the reader with it.
 */
public final class Mounter implements PartPrefetcher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mounter.class);
    /** Parts waiting per worker at most: enough to keep a worker busy while the reader frames the next ones. */
    static final int QUEUE_PER_WORKER = 16;
    /** The most parts a worker takes from the queue at once. */
    static final int DRAIN_BATCH = 8;

    private final BlockingQueue<FramedRows> queue;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /** A mounter of {@code workers} threads named for {@code name} (the changefeed), started now. */
    public Mounter(String name, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a mounter needs a worker: " + workers);
        }
        this.queue = new ArrayBlockingQueue<>(workers * QUEUE_PER_WORKER);
        for (int i = 0; i < workers; i++) {
            Thread worker = Thread.ofPlatform().daemon().name("cdc4j-mounter-" + name + "-" + i).unstarted(this::work);
            this.workers.add(worker);
        }
        this.workers.forEach(Thread::start);
        LOG.info("mounter of {} decodes rows with {} workers", name, workers);
    }

    /**
     * The workers a changefeed gets: its {@code mounter.worker_num}, but no more than the processors left once the
     * binlog thread has one (the dispatch thread decodes too when the workers fall behind), and at least one.
     */
    public static int workersFor(int workerNum, int processors) {
        return Math.max(1, Math.min(workerNum, processors - 1));
    }

    /** How many threads decode. */
    public int workerCount() {
        return workers.size();
    }

    @Override
    public void offer(FramedRows part) {
        if (!closed) {
            queue.offer(part);
        }
    }

    private void work() {
        List<FramedRows> taken = new ArrayList<>(DRAIN_BATCH);
        try {
            while (!closed) {
                taken.add(queue.take());
                queue.drainTo(taken, DRAIN_BATCH - 1);
                for (FramedRows part : taken) {
                    part.decodeIfUnclaimed();
                }
                taken.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers (a part one of them is decoding is finished first) and lets queued parts go. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        queue.clear();
    }
}
