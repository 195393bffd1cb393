package io.cdc4j.sink.mysql;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.Tso;
import io.cdc4j.sink.Completion;
import io.cdc4j.sink.NetEffectFolder;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.TableTxn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mysql://} sink: each upstream transaction is folded per table and key, dispatched through conflict
 * detection to {@code worker-count} parallel writers, and its parts' completions are called only once the downstream
 * committed every table transaction folded from them. DDL comes after every earlier row is committed (the pipeline's
 * barrier) and runs alone. Transactions with a commit ts at or before the moment the sink opened are written in safe
 * mode, so replays after a restart are harmless.
 */
public final class MySqlSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSink.class);
    private static final long OFFER_WAIT_MILLIS = 100;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** A transaction is handed over in parts of this many times max-txn-row rows, never held whole. */
    private static final int PART_TXN_ROWS = 16;

    private final ChangefeedId changefeed;
    private final MySqlSinkOptions options;
    private final Downstream downstream;
    private final long replicateTs;
    private final ConflictDetector detector = new ConflictDetector();
    private final Set<SealedGroup> openGroups = ConcurrentHashMap.newKeySet();
    private final DdlExecutor ddls;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final int partRows;
    private final int maxInFlightRows;
    private final Semaphore inFlightRows;
    private List<RowChange> pending = new ArrayList<>();
    private List<Completion> pendingParts = new ArrayList<>();
    private long pendingTs;
    private int nextWorker;
    private volatile boolean closed;

    private MySqlSink(ChangefeedId changefeed, MySqlSinkOptions options, Downstream downstream, long replicateTs) {
        this.changefeed = changefeed;
        this.options = options;
        this.downstream = downstream;
        this.replicateTs = replicateTs;
        this.ddls = new DdlExecutor(changefeed, downstream);
        this.partRows = options.maxTxnRow() * PART_TXN_ROWS;
        this.maxInFlightRows = Math.max(2 * partRows, options.workerCount() * options.maxTxnRow() * 4);
        this.inFlightRows = new Semaphore(maxInFlightRows);
    }

    /**
     * Connects to the downstream and starts the workers.
     *
     * @throws CdcException MYSQL_CONNECTION_ERROR when the downstream cannot be reached
     */
    public static MySqlSink open(ChangefeedId changefeed, MySqlSinkOptions options) {
        Objects.requireNonNull(changefeed, "changefeed");
        long replicateTs = Tso.fromInstant(Instant.now());
        Downstream downstream = Downstream.open("cdc4j-mysql-sink-" + changefeed.id(), options,
                options.workerCount() + 1);
        MySqlSink sink = new MySqlSink(changefeed, options, downstream, replicateTs);
        sink.startWorkers();
        LOG.info("changefeed {} MySQL sink opened to {} with {} workers, safe mode {} (replays up to ts {} are written"
                        + " safely), session time zone {}", changefeed, options.address(), options.workerCount(),
                options.safeMode() ? "always" : "after start", replicateTs, downstream.sessionZone());
        return sink;
    }

    private void startWorkers() {
        DmlBuilder builder = new DmlBuilder(options.maxTxnRow(), options.batchDml());
        Worker.Listener listener = new Worker.Listener() {
            @Override
            public void committed(List<TxnNode> nodes, long rows) {
                detector.finished(nodes);
                for (TxnNode node : nodes) {
                    inFlightRows.release(permits(node));
                    if (node.group().committed()) {
                        openGroups.remove(node.group());
                        node.group().complete();
                    }
                }
                rowsWritten.addAndGet(rows);
            }

            @Override
            public void failed(CdcException error) {
                fail(error);
            }
        };
        for (int i = 0; i < options.workerCount(); i++) {
            Worker worker = new Worker(changefeed, i, downstream, builder, this::safeFor, options.maxTxnRow(),
                    options.multiStatement(), listener);
            Thread thread = Thread.ofPlatform().name("mysql-sink-" + changefeed.id() + "-" + i).daemon().unstarted(worker);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
    }

    /** Whether a transaction of {@code commitTs} is written in safe mode. */
    boolean safeFor(long commitTs) {
        return options.safeMode() || commitTs <= replicateTs;
    }

    @Override
    public void writeRows(RowBatch part, Completion done) {
        checkHealthy();
        if (!pending.isEmpty() && pendingTs != part.commitTs()) {
            throw new IllegalStateException("rows of commit ts " + part.commitTs() + " handed over before the end of"
                    + " transaction " + pendingTs);
        }
        pendingTs = part.commitTs();
        pending.addAll(part.rows());
        pendingParts.add(done);
        if (pending.size() >= partRows) {
            seal();
        }
    }

    @Override
    public void endTransaction(long commitTs) {
        checkHealthy();
        seal();
    }

    @Override
    public void writeDdl(DdlEvent ddl, Completion done) {
        checkHealthy();
        if (!pendingParts.isEmpty() || !openGroups.isEmpty()) {
            throw new IllegalStateException("DDL at commit ts " + ddl.commitTs() + " handed over while "
                    + (pendingParts.size() + openGroups.size()) + " transactions are not committed");
        }
        try {
            ddls.execute(ddl, ddl.commitTs() <= replicateTs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.failed(new CdcException(ErrorCode.MYSQL_QUERY_ERROR, "interrupted running the DDL at commit ts "
                    + ddl.commitTs(), e));
            return;
        } catch (RuntimeException e) {
            done.failed(e);
            return;
        }
        done.done();
    }

    @Override
    public void flush(long resolvedTs) {
        checkHealthy();
        if (pendingTs <= resolvedTs) {
            seal();
        }
    }

    /** Rows committed downstream since the sink opened. */
    public long rowsWritten() {
        return rowsWritten.get();
    }

    /** The ts at which the sink opened: transactions at or before it are written in safe mode. */
    public long replicateTs() {
        return replicateTs;
    }

    /**
     * Folds the transaction gathered so far (all of it, or the part of a large one read so far) and hands its
     * table transactions to the workers. Parts of one transaction are folded separately: the conflict detector
     * keeps the changes of each key in order across parts, as it does across transactions.
     */
    private void seal() {
        if (pendingParts.isEmpty()) {
            return;
        }
        List<RowChange> rows = pending;
        pending = new ArrayList<>();
        List<TableTxn> txns = NetEffectFolder.fold(pendingTs, rows);
        SealedGroup group = new SealedGroup(pendingParts, txns.size());
        pendingParts = new ArrayList<>();
        if (group.isComplete()) {
            group.complete();
            return;
        }
        openGroups.add(group);
        if (failure.get() != null && openGroups.remove(group)) {
            group.fail(failure.get());
        }
        try {
            for (TableTxn txn : txns) {
                dispatch(new TxnNode(txn, ConflictKeys.slots(txn), group));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdcException(ErrorCode.MYSQL_TXN_ERROR, "interrupted while handing over transaction "
                    + pendingTs, e);
        } catch (IllegalStateException e) {
            throw failureOr(e);
        }
    }

    private void dispatch(TxnNode node) throws InterruptedException {
        while (!inFlightRows.tryAcquire(permits(node), OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (abandoned()) {
                throw new IllegalStateException("the sink stopped while waiting for rows in flight to commit");
            }
        }
        List<TxnNode> dependencies = detector.register(node);
        int worker = detector.awaitWorker(dependencies, this::abandoned);
        if (worker < 0) {
            worker = leastBusyWorker();
        }
        node.assign(worker);
        while (!workers.get(worker).offer(node, OFFER_WAIT_MILLIS)) {
            if (abandoned()) {
                throw new IllegalStateException("the sink stopped while worker " + worker + " was full");
            }
        }
    }

    /** The rows a table transaction holds against the in-flight bound (capped, so a huge one cannot block). */
    private int permits(TxnNode node) {
        return Math.min(node.txn().rows().size(), maxInFlightRows);
    }

    /** Round robin, skipping to an idle worker when the next one has a queue. */
    private int leastBusyWorker() {
        int start = nextWorker;
        nextWorker = (nextWorker + 1) % workers.size();
        for (int i = 0; i < workers.size(); i++) {
            int candidate = (start + i) % workers.size();
            if (workers.get(candidate).queued() == 0) {
                return candidate;
            }
        }
        return start;
    }

    /** Records the sink's first failure and fails every transaction not yet committed with it. */
    private void fail(RuntimeException error) {
        if (failure.compareAndSet(null, error)) {
            LOG.warn("changefeed {} MySQL sink failed: {}", changefeed, error.getMessage());
        }
        for (SealedGroup group : openGroups) {
            if (openGroups.remove(group)) {
                group.fail(failure.get());
            }
        }
    }

    private boolean abandoned() {
        return closed || failure.get() != null;
    }

    private void checkHealthy() {
        RuntimeException error = failure.get();
        if (error != null) {
            throw error;
        }
        if (closed) {
            throw new IllegalStateException("the MySQL sink of changefeed " + changefeed + " is closed");
        }
    }

    private RuntimeException failureOr(RuntimeException fallback) {
        RuntimeException error = failure.get();
        return error != null ? error : fallback;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.forEach(Worker::stop);
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        downstream.close();
        LOG.info("changefeed {} MySQL sink closed after {} rows; {} transactions were not committed",
                changefeed, rowsWritten.get(), openGroups.size() + (pendingParts.isEmpty() ? 0 : 1));
    }
}
