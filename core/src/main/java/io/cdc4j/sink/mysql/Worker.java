package io.cdc4j.sink.mysql;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer of the MySQL sink: takes table transactions from its bounded FIFO, gathers up to max-txn-row rows of
 * them into one downstream transaction, writes it (its statements joined into one round trip with
 * {@code multi-stmt-enable}) and commits it (retrying transient errors), then reports them committed. A duplicate-key error outside safe mode re-runs the flush in safe mode, which cannot hit it. However
 * the thread ends other than by {@link #stop}, even on an {@link Error} such as an OutOfMemoryError, it reports the
 * cause to its listener, which fails the sink.
 */
final class Worker implements Runnable {
    /** Table transactions a worker may have queued (TiCDC: 1024). */
    static final int QUEUE_CAPACITY = 1024;
    /** The most SQL text joined into one multi-statement round trip. */
    static final int MAX_JOINED_SQL_CHARS = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** What a worker reports to. */
    interface Listener {
        /** The downstream committed these transactions. */
        void committed(List<TxnNode> nodes, long rows);

        /** The worker gave up; it takes nothing more. */
        void failed(CdcException error);
    }

    private final ChangefeedId changefeed;
    private final int index;
    private final Downstream downstream;
    private final DmlBuilder builder;
    private final ValueBinder binder;
    private final LongPredicate safeFor;
    private final int maxTxnRow;
    private final boolean multiStatement;
    private final Listener listener;
    private final BlockingQueue<TxnNode> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<TxnNode> batch = new ArrayList<>();
    private final List<Dml> statements = new ArrayList<>();
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private volatile boolean stopped;

    Worker(ChangefeedId changefeed, int index, Downstream downstream, DmlBuilder builder, LongPredicate safeFor,
           int maxTxnRow, boolean multiStatement, Listener listener) {
        this.changefeed = changefeed;
        this.index = index;
        this.downstream = downstream;
        this.builder = builder;
        this.binder = new ValueBinder(downstream.sessionZone());
        this.safeFor = safeFor;
        this.maxTxnRow = maxTxnRow;
        this.multiStatement = multiStatement;
        this.listener = listener;
    }

    /** Queues a transaction; false when the queue stayed full for the wait. */
    boolean offer(TxnNode node, long waitMillis) throws InterruptedException {
        return queue.offer(node, waitMillis, TimeUnit.MILLISECONDS);
    }

    /** Transactions waiting in the queue. */
    int queued() {
        return queue.size();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                TxnNode first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                long rows = first.txn().rows().size();
                while (rows < maxTxnRow && queue.peek() != null) {
                    TxnNode next = queue.poll();
                    batch.add(next);
                    rows += next.txn().rows().size();
                }
                write();
                listener.committed(List.copyOf(batch), rows);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            died(new CdcException(ErrorCode.MYSQL_TXN_ERROR, "MySQL sink worker " + index
                    + " was interrupted before the sink stopped", e));
        } catch (CdcException e) {
            died(e);
        } catch (Throwable e) {
            died(new CdcException(ErrorCode.INTERNAL, "MySQL sink worker " + index + " of changefeed " + changefeed
                    + " died: " + e, e));
        }
    }

    private void died(CdcException error) {
        if (!stopped) {
            stopped = true;
            listener.failed(error);
        }
    }

    /** Writes the batch as one downstream transaction, retrying transient errors. */
    private void write() throws InterruptedException {
        boolean forceSafe = false;
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(forceSafe);
                return;
            } catch (SQLException e) {
                if (!forceSafe && e.getErrorCode() == MySqlErrors.DUPLICATE_ENTRY) {
                    LOG.info("changefeed {} MySQL sink worker {}: {}; writing the transaction again in safe mode",
                            changefeed, index, MySqlErrors.describe(e));
                    forceSafe = true;
                    continue;
                }
                if (!MySqlErrors.isTransient(e) || attempt >= Retry.STANDARD.attempts() || stopped) {
                    throw failure(e, attempt);
                }
                long wait = Retry.STANDARD.waitBefore(attempt + 1).toMillis();
                LOG.warn("changefeed {} MySQL sink worker {}: try {} failed ({}); retrying in {} ms", changefeed,
                        index, attempt, MySqlErrors.describe(e), wait);
                Thread.sleep(wait);
            }
        }
    }

    private void writeOnce(boolean forceSafe) throws SQLException {
        statements.clear();
        for (TxnNode node : batch) {
            builder.build(node.txn(), forceSafe || safeFor.test(node.txn().commitTs()), statements::add);
        }
        try (Connection connection = downstream.connection()) {
            try {
                for (Dml dml : multiStatement ? Dml.joined(statements, MAX_JOINED_SQL_CHARS) : statements) {
                    PreparedStatement statement = statement(connection, dml.sql());
                    binder.bind(statement, dml);
                    statement.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                closeStatements();
            }
        }
    }

    private PreparedStatement statement(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private void closeStatements() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("changefeed {} MySQL sink worker {} could not close a statement: {}", changefeed, index,
                        e.toString());
            }
        }
        prepared.clear();
    }

    private void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("changefeed {} MySQL sink worker {} could not roll back: {}", changefeed, index, e.toString());
        }
    }

    private CdcException failure(SQLException e, int attempts) {
        TxnNode first = batch.getFirst();
        String what = "writing " + batch.size() + " transaction(s) from commit ts " + first.txn().commitTs()
                + " (table " + first.txn().table().name() + ") failed after " + attempts + " tries (MySQL error "
                + e.getErrorCode() + ")";
        ErrorCode code = MySqlErrors.isConnection(e) ? ErrorCode.MYSQL_CONNECTION_ERROR : ErrorCode.MYSQL_TXN_ERROR;
        return new CdcException(code, what, e);
    }
}
