package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.upstream.EmbeddedUpstream;
import io.cdc4j.bench.workload.BenchSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The baseline for the MySQL sink: the upstream's final rows written to the empty downstream the way a bulk
 * loader does, with multi-row INSERTs of {@value #ROWS_PER_STATEMENT} rows, one connection per table and at most
 * {@value #CONNECTIONS} at once, each table streamed from the upstream while it is loaded.
 */
public final class PlainInsertTarget implements BenchTarget {
    static final int ROWS_PER_STATEMENT = 100;
    static final int CONNECTIONS = 4;
    private static final int COLUMNS = 10;

    @Override
    public String name() {
        return "insert";
    }

    @Override
    public String description() {
        return "plain JDBC multi-row INSERT load into MariaDB";
    }

    @Override
    public boolean measuresLag() {
        return false;
    }

    @Override
    public boolean needsDownstream() {
        return true;
    }

    @Override
    public long expectedRows(long binlogRows, long tableRows) {
        return tableRows;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        List<String> tables = RowCounts.tables(setup.port());
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<?>> loads = new ArrayList<>();
        for (String table : tables) {
            loads.add(pool.submit(() -> {
                try {
                    load(setup, table, arrivals);
                } catch (SQLException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    throw e;
                }
                return null;
            }));
        }
        pool.shutdown();
        return new Session() {
            @Override
            public Throwable failure() {
                return failure.get();
            }

            @Override
            public void awaitDone(Duration timeout) throws Exception {
                if (!pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("the load did not finish in " + timeout);
                }
                for (Future<?> load : loads) {
                    load.get();
                }
                RowCounts.requireEqual(setup.port(), setup.span().downstreamPort());
            }

            @Override
            public void close() {
                pool.shutdownNow();
            }
        };
    }

    private static void load(TargetSetup setup, String table, Arrivals arrivals) throws SQLException {
        String name = BenchSchema.DATABASE + "." + table;
        try (Connection source = EmbeddedUpstream.open(setup.port());
             Connection target = EmbeddedUpstream.open(setup.span().downstreamPort());
             Statement select = source.createStatement();
             PreparedStatement full = target.prepareStatement(insert(name, ROWS_PER_STATEMENT))) {
            select.setFetchSize(ROWS_PER_STATEMENT * 10);
            try (ResultSet rows = select.executeQuery("SELECT * FROM " + name)) {
                List<Object> batch = new ArrayList<>(ROWS_PER_STATEMENT * COLUMNS);
                while (rows.next()) {
                    for (int column = 1; column <= COLUMNS; column++) {
                        batch.add(rows.getObject(column));
                    }
                    if (batch.size() == ROWS_PER_STATEMENT * COLUMNS) {
                        execute(full, batch, arrivals);
                    }
                }
                if (!batch.isEmpty()) {
                    try (PreparedStatement tail = target.prepareStatement(insert(name, batch.size() / COLUMNS))) {
                        execute(tail, batch, arrivals);
                    }
                }
            }
        }
    }

    private static void execute(PreparedStatement statement, List<Object> values, Arrivals arrivals)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        statement.executeUpdate();
        arrivals.rows(values.size() / COLUMNS);
        values.clear();
    }

    private static String insert(String table, int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")";
        return "INSERT INTO " + table + " VALUES " + String.join(", ", Collections.nCopies(rows, row));
    }
}
