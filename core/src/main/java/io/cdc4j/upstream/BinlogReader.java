package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.schema.SchemaCatalog;
import io.cdc4j.schema.SchemaHistory;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an upstream's binlog from a start point and hands ordered transactions, DDL and resolved ts to a
 * {@link ChangeEventSink}, through a buffer bounded by the memory quota. The reader thread only frames rows
 * ({@link FramedRows}); parts are offered to {@link ReaderOptions#prefetcher} to decode ahead (when sealed while the
 * buffer is nearly empty, else a few ahead of the dispatch thread, so a full buffer holds bytes, not decoded rows),
 * and the dispatch thread decodes any part nobody took as it reaches it, so the sink gets decoded rows in binlog
 * order. Reconnects
 * with backoff after the connection drops (or falls silent past {@link ReaderOptions#silenceTimeout()}), resuming
 * at the last transaction boundary; a server error that every retry would meet again, or the death of one of its
 * threads, stops it for good with the cause (see {@link BinlogFailure}).
 */
public final class BinlogReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);
    /** Parts offered to the decode workers ahead of the one the dispatch thread hands on. */
    static final int DECODE_AHEAD_PARTS = 4;
    /** Parts are offered when sealed while the buffer holds less than this share of the quota (1/n). */
    private static final int OFFER_AT_SEAL_QUOTA_SHARE = 8;
    /** The most buffered events the dispatch thread takes per lock. */
    private static final int DISPATCH_BATCH = 64;

    private final UpstreamConfig config;
    private final ReaderOptions options;
    private final ChangeEventSink sink;
    private final PartPrefetcher prefetcher;
    /** Below this many buffered bytes a part goes to the decode workers when it is sealed. */
    private final long offerAtSealBelowBytes;
    private final ReaderStatusListener listener;
    private final UpstreamDatabase database;
    private final TransactionAssembler assembler;
    private final CatalogHints schemas;
    private final ByteBoundedBuffer<Object> buffer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicReference<BinaryLogClient> client = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<Throwable> connectionLoss = new AtomicReference<>();
    private final BinlogFailures failures;
    private final Thread readerThread;
    private final Thread dispatchThread;
    private final ScheduledExecutorService watchdog;
    private volatile long clockOffsetMillis;
    private volatile boolean connected;
    private volatile boolean connectedSinceLastLoss;
    private volatile long lastHeardNanos;
    private volatile boolean inSink;

    private BinlogReader(UpstreamConfig config, ReaderOptions options, ChangeEventSink sink,
                         ReaderStatusListener listener, UpstreamDatabase database, ResumePoint start,
                         TableIdAllocator tableIds, BinlogFileClock fileClock, CatalogHints.Prepared prepared) {
        this.config = config;
        this.options = options;
        this.sink = sink;
        this.listener = listener;
        this.database = database;
        this.buffer = new ByteBoundedBuffer<>(options.memoryQuotaBytes());
        this.clockOffsetMillis = database.nowMillis() - System.currentTimeMillis();
        this.prefetcher = options.prefetcher();
        this.offerAtSealBelowBytes = options.memoryQuotaBytes() / OFFER_AT_SEAL_QUOTA_SHARE;
        this.schemas = CatalogHints.start(database, TableNameCase.of(database), start.position(), prepared,
                options.tables());
        this.assembler = new TransactionAssembler(start, (event, bytes) -> {
            buffer.put(event, bytes);
            if (event instanceof FramedRows part && buffer.usedBytes() <= offerAtSealBelowBytes
                    && part.markOffered()) {
                prefetcher.offer(part);
            }
        }, new TableMapInterpreter(database.collations()), tableIds,
                schemas,
                () -> System.currentTimeMillis() + clockOffsetMillis, options.batchRows(), options.memoryQuotaBytes(),
                options.tables(), options.tableIds());
        this.failures = new BinlogFailures(config, database::binaryLogs, fileClock::startMillis);
        this.readerThread = new Thread(this::readLoop, "cdc4j-binlog-reader");
        this.dispatchThread = new Thread(this::dispatchLoop, "cdc4j-binlog-dispatch");
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cdc4j-binlog-watchdog").factory());
    }

    /**
     * Checks the upstream's prerequisites, finds the start point and starts reading. Throws
     * {@link CdcException} (UPSTREAM_CONNECTION, UPSTREAM_PREREQUISITE, START_TS_BEFORE_GC) when it cannot.
     */
    public static BinlogReader start(UpstreamConfig config, StartPoint start, ChangeEventSink sink,
                                     ReaderOptions options, TableIdAllocator tableIds,
                                     ReaderStatusListener listener) {
        return start(config, start, sink, options, tableIds, listener, new SchemaStart.Load());
    }

    /**
     * Starts reading as {@link #start(UpstreamConfig, StartPoint, ChangeEventSink, ReaderOptions, TableIdAllocator,
     * ReaderStatusListener)} does, with the table schemas {@code schemas} says (those saved with the checkpoint, or
     * every table {@link ReaderOptions#tables()} selects, read from the upstream).
     */
    public static BinlogReader start(UpstreamConfig config, StartPoint start, ChangeEventSink sink,
                                     ReaderOptions options, TableIdAllocator tableIds,
                                     ReaderStatusListener listener, SchemaStart schemas) {
        CompletableFuture<Void> grammar = SchemaCatalog.parserReady();
        UpstreamDatabase database = UpstreamDatabase.connect(config);
        try {
            Prerequisites.check(database);
            BinlogFileClock fileClock = new BinlogFileClock(
                    config.withServerId(options.probeServerId().orElse(config.serverId())));
            ResumePoint resume = new StartPointFinder(database, fileClock).find(start);
            LOG.info("reading the binlog of {} from {}:{} (ts floor {})", config, resume.position().binlogFile(),
                    resume.position().binlogPosition(), resume.position().lastTs());
            // read while the grammar is still being built; parsed once it is
            CatalogHints.Prepared prepared = CatalogHints.prepare(database, schemas, options.tables());
            awaitGrammar(grammar);
            BinlogReader reader = new BinlogReader(config, options, sink, listener, database, resume, tableIds,
                    fileClock, prepared);
            reader.readerThread.start();
            reader.dispatchThread.start();
            long period = Math.max(50, options.silenceTimeout().toMillis() / 10);
            reader.watchdog.scheduleWithFixedDelay(reader::watchSilence, period, period, TimeUnit.MILLISECONDS);
            return reader;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The versions of the table schemas this reader holds from the oldest a checkpoint may still resume from: the
     * thread saving checkpoints takes the {@link SchemaHistory#snapshotAt snapshot} its reader state names.
     */
    public SchemaHistory schemaHistory() {
        return schemas.history();
    }

    /** Waits for the DDL grammar while nothing is read yet; one that failed to build reports at its first use. */
    private static void awaitGrammar(CompletableFuture<Void> grammar) {
        try {
            grammar.join();
        } catch (CompletionException | CancellationException e) {
            LOG.warn("the DDL grammar could not be prepared; the first DDL or table read will say why", e);
        }
    }

    /** Whether the binlog connection is up. */
    public boolean isConnected() {
        return connected;
    }

    /** The error that stopped the reader for good, if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Bytes of read events waiting for the sink now. */
    public long bufferedBytes() {
        return buffer.usedBytes();
    }

    /** The most bytes of read events that ever waited for the sink at once. */
    public long peakBufferedBytes() {
        return buffer.peakBytes();
    }

    /**
     * Runs the reader thread. Any {@link Throwable}, an {@link Error} included, fails the reader with its cause and
     * ends the thread without rethrowing: the failure reaches the changefeed through the listener (which stops
     * it), and a rethrow would only log the same trace a second time from the uncaught-exception handler.
     */
    private void readLoop() {
        try {
            read();
        } catch (Throwable e) {
            fail(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog reader thread died of "
                    + e.getClass().getName() + " reading "
                    + assembler.boundary().binlogFile() + " after " + assembler.boundary().binlogPosition(), e));
        }
    }

    private void read() {
        int attempt = 0;
        ReaderPosition from = assembler.boundary();
        while (closed.getCount() > 0 && failure.get() == null) {
            BinaryLogClient current = BinlogClients.create(config, from.binlogFile(), from.binlogPosition(),
                    options.heartbeat());
            current.registerEventListener(event -> {
                if (failure.get() != null || closed.getCount() == 0) {
                    return;
                }
                lastHeardNanos = System.nanoTime();
                inSink = true;
                try {
                    assembler.accept(event);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    disconnectQuietly(current);
                } catch (CdcException e) {
                    fail(e);
                } catch (RuntimeException e) {
                    fail(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot process the binlog event at "
                            + assembler.boundary().binlogFile() + " after " + assembler.boundary().binlogPosition(), e));
                } finally {
                    inSink = false;
                    lastHeardNanos = System.nanoTime();
                }
            });
            current.registerLifecycleListener(new ConnectionWatcher());
            connectionLoss.set(null);
            client.set(current);
            Throwable lost;
            try {
                current.connect();
                lost = connectionLoss.get() != null ? connectionLoss.get()
                        : new IOException("the upstream closed the binlog connection");
            } catch (IOException | RuntimeException e) {
                lost = e;
            } finally {
                connected = false;
            }
            if (closed.getCount() == 0 || failure.get() != null) {
                break;
            }
            Optional<CdcException> permanent = failures.permanent(lost, from);
            if (permanent.isPresent()) {
                fail(permanent.get());
                break;
            }
            attempt = connectedSinceLastLoss ? 1 : attempt + 1;
            connectedSinceLastLoss = false;
            Duration backoff = backoff(attempt);
            LOG.warn("binlog connection to {} lost (attempt {}), retrying in {}: {}", config, attempt, backoff,
                    lost.toString());
            listener.onConnectionLost(lost, attempt, backoff);
            try {
                if (closed.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            from = assembler.resetToBoundary();
            try {
                clockOffsetMillis = database.nowMillis() - System.currentTimeMillis();
            } catch (CdcException e) {
                LOG.debug("upstream clock not readable yet: {}", e.getMessage());
            }
        }
    }

    /**
     * Drops a connection that brought neither an event nor a heartbeat within the silence bound: a peer gone
     * without a reset leaves the socket open for ever. Time spent waiting for the sink does not count.
     */
    private void watchSilence() {
        try {
            BinaryLogClient current = client.get();
            if (!connected || inSink || current == null || failure.get() != null || closed.getCount() == 0) {
                return;
            }
            long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeardNanos);
            if (silentMillis <= options.silenceTimeout().toMillis()) {
                return;
            }
            connected = false;
            connectionLoss.compareAndSet(null, new IOException("no binlog event nor heartbeat from " + config.host()
                    + ":" + config.port() + " for " + silentMillis + " ms (bound " + options.silenceTimeout().toMillis()
                    + " ms, heartbeat every " + options.heartbeat().toMillis() + " ms): the connection is taken for"
                    + " dead (the host gone, or a NAT or firewall dropping the flow) and reopened"));
            LOG.warn("binlog connection to {} silent for {} ms: reconnecting", config, silentMillis);
            disconnectQuietly(current);
        } catch (Throwable e) {
            fail(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog watchdog of " + config
                    + " died of " + e.getClass().getName(), e));
        }
    }

    private Duration backoff(int attempt) {
        long millis = options.minBackoff().toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, options.maxBackoff().toMillis()));
    }

    /** Runs the dispatch thread; a {@link Throwable} of the sink fails the reader as in {@link #readLoop}. */
    private void dispatchLoop() {
        try {
            dispatch();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CdcException e) {
            fail(e);
        } catch (Throwable e) {
            fail(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the change event sink failed with "
                    + e.getClass().getName(), e));
        }
    }

    /** Hands the buffer's events to the sink in order, taking up to {@value #DISPATCH_BATCH} per lock. */
    private void dispatch() throws InterruptedException {
        List<Object> taken = new ArrayList<>(DISPATCH_BATCH);
        while (true) {
            long bytes = buffer.drainTo(taken, DISPATCH_BATCH, 100, TimeUnit.MILLISECONDS);
            if (taken.isEmpty()) {
                if (closed.getCount() == 0 || failure.get() != null) {
                    return;
                }
                continue;
            }
            try {
                for (int i = 0; i < taken.size(); i++) {
                    Object item = taken.get(i);
                    switch (item) {
                        case FramedRows part -> {
                            offerAhead(taken, i);
                            sink.onRows(rowsOf(part, taken, i));
                        }
                        case RowBatch batch -> sink.onRows(batch);
                        case DdlEvent ddl -> sink.onDdl(ddl);
                        case TransactionCommit commit -> sink.onCommit(commit);
                        case ResolvedTs resolved -> sink.onResolved(resolved);
                        default -> throw new IllegalStateException("the reader buffered a " + item.getClass());
                    }
                }
            } finally {
                taken.clear();
                buffer.release(bytes);
            }
        }
    }

    /**
     * Offers the decode workers the next {@value #DECODE_AHEAD_PARTS} parts after {@code index} not offered yet. With
     * the buffer filled (a sink slower than the binlog) parts wait in it as bytes, and only these few are decoded
     * ahead, so the rows held decoded stay few however large the quota; while the buffer is nearly empty parts are
     * offered as they are sealed.
     */
    private void offerAhead(List<Object> taken, int index) {
        int parts = 0;
        for (int next = index + 1; next < taken.size() && parts < DECODE_AHEAD_PARTS; next++) {
            if (taken.get(next) instanceof FramedRows later) {
                parts++;
                if (later.markOffered()) {
                    prefetcher.offer(later);
                }
            }
        }
    }

    /**
     * The rows of the part at {@code index}: while a worker is still decoding it, this thread decodes the
     * unclaimed parts after it instead of waiting idle.
     */
    private static RowBatch rowsOf(FramedRows part, List<Object> taken, int index) throws InterruptedException {
        for (int next = index + 1; next < taken.size() && part.isBeingDecoded(); next++) {
            if (taken.get(next) instanceof FramedRows later) {
                later.decodeIfUnclaimed();
            }
        }
        return part.rows();
    }

    private void fail(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            LOG.error("binlog reader of {} stopped: {}", config, cause.getMessage(), cause);
            listener.onFailed(cause);
            BinaryLogClient current = client.get();
            if (current != null) {
                Thread.ofPlatform().name("cdc4j-binlog-disconnect").start(() -> disconnectQuietly(current));
            }
        }
    }

    private static void disconnectQuietly(BinaryLogClient current) {
        try {
            current.disconnect();
        } catch (IOException e) {
            LOG.debug("disconnecting the binlog client failed: {}", e.toString());
        }
    }

    /** Stops reading and releases the connections; waits for the threads to end. */
    @Override
    public void close() {
        closed.countDown();
        watchdog.shutdownNow();
        BinaryLogClient current = client.get();
        if (current != null) {
            disconnectQuietly(current);
        }
        readerThread.interrupt();
        try {
            readerThread.join(10_000);
            dispatchThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }

    /** Tracks the binlog connection's life for {@link ReaderStatusListener}. */
    private final class ConnectionWatcher implements BinaryLogClient.LifecycleListener {
        @Override
        public void onConnect(BinaryLogClient connectedClient) {
            lastHeardNanos = System.nanoTime();
            connected = true;
            connectedSinceLastLoss = true;
            LOG.info("binlog connection to {} up at {}:{}", config, connectedClient.getBinlogFilename(),
                    connectedClient.getBinlogPosition());
            listener.onConnected();
        }

        @Override
        public void onCommunicationFailure(BinaryLogClient failedClient, Exception ex) {
            connectionLoss.compareAndSet(null, ex);
            LOG.info("binlog communication with {} failed: {}", config, ex.toString());
        }

        @Override
        public void onEventDeserializationFailure(BinaryLogClient failedClient, Exception ex) {
            fail(new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot decode a binlog event", ex));
        }

        @Override
        public void onDisconnect(BinaryLogClient disconnectedClient) {
            connected = false;
        }
    }
}
