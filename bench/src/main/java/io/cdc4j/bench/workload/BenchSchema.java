package io.cdc4j.bench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables the workload writes: sysbench-like, ten columns of mixed types. The last column, {@code written},
 * is set with NOW(6) by every write, so a reader can tell how long after the write a row reached it.
 */
public final class BenchSchema {
    /** The database every benchmark table lives in. */
    public static final String DATABASE = "bench";
    /** The table the steady-rate writer fills during the lag runs. */
    public static final String LAG_TABLE = "lagtest";
    /** The 0-based index of the TIMESTAMP(6) column written with NOW(6). */
    public static final int WRITTEN_COLUMN = 9;

    private BenchSchema() {
    }

    /** The name of the i-th (1-based) workload table. */
    public static String table(int index) {
        return "sbtest" + index;
    }

    /** The statements that create the database, {@code tables} workload tables and the lag table. */
    public static List<String> ddl(int tables) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE DATABASE " + DATABASE);
        for (int i = 1; i <= tables; i++) {
            statements.add(createTable(table(i)));
        }
        statements.add(createTable(LAG_TABLE));
        return statements;
    }

    private static String createTable(String name) {
        return "CREATE TABLE " + DATABASE + "." + name + " ("
                + "id BIGINT NOT NULL PRIMARY KEY, "
                + "k INT NOT NULL, "
                + "c VARCHAR(120) NOT NULL, "
                + "pad CHAR(60) NOT NULL, "
                + "amount DECIMAL(12,2) NOT NULL, "
                + "ratio DOUBLE NOT NULL, "
                + "flag TINYINT NOT NULL, "
                + "note TEXT, "
                + "created DATETIME(6) NOT NULL, "
                + "written TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
                + ") ENGINE=InnoDB";
    }

    /** An INSERT of the rows with ids {@code from..to} (inclusive), values derived from the id, in SQL. */
    public static String insertRange(String table, long from, long to) {
        return "INSERT INTO " + DATABASE + "." + table + " SELECT seq, seq % 100003, CONCAT('c-', seq, '-', MD5(seq)),"
                + " LPAD(seq, 60, 'p'), (seq * 1.25) % 1000000, seq / 7.0, seq % 100, REPEAT('note ', 1 + seq % 20),"
                + " NOW(6), NOW(6) FROM " + DATABASE + ".seq_" + from + "_to_" + to;
    }

    /** An UPDATE changing every row with ids {@code from..to}. */
    public static String updateRange(String table, long from, long to) {
        return "UPDATE " + DATABASE + "." + table + " SET k = k + 1, c = CONCAT('u-', id, '-', MD5(id + k)),"
                + " amount = amount + 1, flag = (flag + 1) % 100, written = NOW(6) WHERE id BETWEEN " + from
                + " AND " + to;
    }

    /** A DELETE of the rows with ids {@code from..to}. */
    public static String deleteRange(String table, long from, long to) {
        return "DELETE FROM " + DATABASE + "." + table + " WHERE id BETWEEN " + from + " AND " + to;
    }
}
