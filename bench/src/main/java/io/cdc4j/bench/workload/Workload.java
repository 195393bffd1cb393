package io.cdc4j.bench.workload;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes the cold-start workload to the upstream: insert, update, delete and mixed phases over the sbtest
 * tables, then one huge transaction. Counts the row changes each phase puts in the binlog.
 */
public final class Workload {
    private static final long MIXED_ID_BASE = 5_000_000_000L;
    private static final long HUGE_ID_BASE = 9_000_000_000L;

    private final WorkloadSize size;
    private final Consumer<String> progress;

    /** A workload of {@code size}; {@code progress} hears one line per finished phase. */
    public Workload(WorkloadSize size, Consumer<String> progress) {
        this.size = size;
        this.progress = progress;
    }

    /** Creates the tables (DDL only: no rows). */
    public void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : BenchSchema.ddl(size.tables())) {
                statement.execute(sql);
            }
        }
    }

    /** Runs every phase in order on one connection and reports what each wrote. */
    public List<PhaseResult> run(Connection connection) throws SQLException {
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(report(insertPhase(connection)));
        phases.add(report(updatePhase(connection)));
        phases.add(report(deletePhase(connection)));
        phases.add(report(mixedPhase(connection)));
        phases.add(report(hugePhase(connection)));
        return phases;
    }

    private PhaseResult report(PhaseResult phase) {
        progress.accept(String.format(Locale.ROOT, "%-7s %,10d rows in %,7d transactions, %6.1f s, %,.0f rows/s",
                phase.name(), phase.rows(), phase.transactions(), phase.nanos() / 1e9, phase.rowsPerSecond()));
        return phase;
    }

    private PhaseResult insertPhase(Connection connection) throws SQLException {
        return ranges(connection, "insert", size.rowsPerTable(), 1, BenchSchema::insertRange);
    }

    private PhaseResult updatePhase(Connection connection) throws SQLException {
        return ranges(connection, "update", size.updatedPerTable(), 1, BenchSchema::updateRange);
    }

    private PhaseResult deletePhase(Connection connection) throws SQLException {
        long firstDeleted = size.rowsPerTable() - size.deletedPerTable() + 1L;
        return ranges(connection, "delete", size.deletedPerTable(), firstDeleted, BenchSchema::deleteRange);
    }

    /** One statement (one autocommit transaction) per id range, table after table. */
    private PhaseResult ranges(Connection connection, String name, long rowsPerTable, long firstId,
                               RangeStatement statementFor) throws SQLException {
        long begin = System.nanoTime();
        long rows = 0;
        long transactions = 0;
        try (Statement statement = connection.createStatement()) {
            for (int table = 1; table <= size.tables(); table++) {
                for (long from = firstId; from < firstId + rowsPerTable; from += size.rowsPerTransaction()) {
                    long to = Math.min(from + size.rowsPerTransaction(), firstId + rowsPerTable) - 1;
                    rows += statement.executeUpdate(statementFor.sql(BenchSchema.table(table), from, to));
                    transactions++;
                }
            }
        }
        return new PhaseResult(name, rows, transactions, System.nanoTime() - begin);
    }

    /** Small transactions as an OLTP application writes them: two inserts, a point update and a delete. */
    private PhaseResult mixedPhase(Connection connection) throws SQLException {
        long begin = System.nanoTime();
        long rows = 0;
        String insert = "INSERT INTO " + BenchSchema.DATABASE + ".%s VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(6), NOW(6))";
        String update = "UPDATE " + BenchSchema.DATABASE + ".%s SET k = k + 1, note = CONCAT('m', ?), written = NOW(6)"
                + " WHERE id = ?";
        String delete = "DELETE FROM " + BenchSchema.DATABASE + ".%s WHERE id = ?";
        connection.setAutoCommit(false);
        try {
            int tables = size.tables();
            List<PreparedStatement[]> statements = new ArrayList<>();
            for (int table = 1; table <= tables; table++) {
                String name = BenchSchema.table(table);
                statements.add(new PreparedStatement[] {connection.prepareStatement(insert.formatted(name)),
                        connection.prepareStatement(update.formatted(name)),
                        connection.prepareStatement(delete.formatted(name))});
            }
            long updatableRows = size.rowsPerTable() - size.deletedPerTable();
            for (int txn = 0; txn < size.mixedTransactions(); txn++) {
                PreparedStatement[] on = statements.get(txn % tables);
                for (int i = 0; i < 2; i++) {
                    long id = MIXED_ID_BASE + 2L * txn + i;
                    on[0].setLong(1, id);
                    on[0].setInt(2, (int) (id % 100003));
                    on[0].setString(3, "mixed-" + id);
                    on[0].setString(4, "pad-" + id);
                    on[0].setBigDecimal(5, BigDecimal.valueOf(id % 100000, 2));
                    on[0].setDouble(6, id / 3.0);
                    on[0].setInt(7, (int) (id % 100));
                    on[0].setString(8, "mixed note " + id);
                    rows += on[0].executeUpdate();
                }
                on[1].setInt(1, txn);
                on[1].setLong(2, 1 + (txn * 7919L) % updatableRows);
                rows += on[1].executeUpdate();
                if (txn >= tables) {
                    on[2].setLong(1, MIXED_ID_BASE + 2L * (txn - tables));
                    rows += on[2].executeUpdate();
                }
                connection.commit();
            }
            for (PreparedStatement[] on : statements) {
                for (PreparedStatement statement : on) {
                    statement.close();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return new PhaseResult("mixed", rows, size.mixedTransactions(), System.nanoTime() - begin);
    }

    private PhaseResult hugePhase(Connection connection) throws SQLException {
        long begin = System.nanoTime();
        if (size.hugeTransactionRows() == 0) {
            return new PhaseResult("huge", 0, 0, 0);
        }
        long rows;
        try (Statement statement = connection.createStatement()) {
            rows = statement.executeUpdate(BenchSchema.insertRange(BenchSchema.table(1), HUGE_ID_BASE,
                    HUGE_ID_BASE + size.hugeTransactionRows() - 1));
        }
        return new PhaseResult("huge", rows, 1, System.nanoTime() - begin);
    }

    /** The SQL of a statement over an id range of a table. */
    @FunctionalInterface
    private interface RangeStatement {
        String sql(String table, long from, long to);
    }
}
