package io.cdc4j.sink;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message sink's encoder stage ({@code sink.encoder_concurrency}): jobs are encoded on a pool of worker threads at
 * once, and what each encoded is handed on (sent) by one thread in the order the jobs were submitted, so a topic's
 * partitions receive their messages in commit order however the encoding interleaves. At most {@code capacity} jobs
 * are queued; {@link #submit} blocks past that, which holds the pipeline upstream of the sink back.
 * <p>
 * With no workers the encoder runs each job and its hand-on on the submitting thread at once.
 */
public final class OrderedEncoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedEncoder.class);
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ExecutorService workers;
    private final BlockingQueue<Job> queue;
    private final Thread sender;
    private volatile boolean closed;

    /**
     * @param workers the encoding threads; 0 encodes and hands on inline
     * @param capacity the jobs queued at most
     * @param name what the threads are named after (the changefeed)
     */
    public OrderedEncoder(int workers, int capacity, String name) {
        if (workers < 0 || capacity < 1) {
            throw new IllegalArgumentException("workers >= 0 and capacity >= 1, got " + workers + ", " + capacity);
        }
        if (workers == 0) {
            this.workers = null;
            this.queue = null;
            this.sender = null;
            return;
        }
        this.workers = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon()
                .name("cdc4j-encoder-" + name + "-", 0).factory());
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = Thread.ofPlatform().daemon().name("cdc4j-sender-" + name).start(this::sendLoop);
    }

    /**
     * Encodes with {@code encode} (on a worker) and then runs what it returned (on the sender), after every job
     * submitted before. A failure of {@code encode} goes to {@code failed} instead, on the sender, in order too.
     *
     * @throws InterruptedException when interrupted while the queue is full
     * @throws IllegalStateException once closed
     */
    public void submit(Callable<Runnable> encode, Consumer<Throwable> failed) throws InterruptedException {
        Objects.requireNonNull(encode, "encode");
        Objects.requireNonNull(failed, "failed");
        if (closed) {
            throw new IllegalStateException("the encoder is closed");
        }
        if (workers == null) {
            Runnable send;
            try {
                send = encode.call();
            } catch (Exception | Error e) {
                failed.accept(e);
                return;
            }
            send.run();
            return;
        }
        queue.put(new Job(CompletableFuture.supplyAsync(() -> {
            try {
                return encode.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, workers), failed));
    }

    private void sendLoop() {
        try {
            while (!closed) {
                Job job = queue.poll(100, TimeUnit.MILLISECONDS);
                if (job == null) {
                    continue;
                }
                try {
                    job.encoded().get().run();
                } catch (ExecutionException e) {
                    fail(job, e.getCause());
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable e) {
                    // the job's part fails and the sender goes on, so that no later submit waits on a dead thread
                    fail(job, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(Job job, Throwable cause) {
        try {
            job.failed().accept(cause);
        } catch (RuntimeException e) {
            LOG.error("reporting a failed encoding failed too", e);
        }
    }

    /** Stops the threads; jobs still queued are dropped (their parts are never completed). */
    @Override
    public void close() {
        closed = true;
        if (workers == null) {
            return;
        }
        workers.shutdownNow();
        sender.interrupt();
        try {
            sender.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }

    private record Job(CompletableFuture<Runnable> encoded, Consumer<Throwable> failed) {
    }
}
