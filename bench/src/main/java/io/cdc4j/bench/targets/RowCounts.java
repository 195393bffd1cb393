package io.cdc4j.bench.targets;

import io.cdc4j.bench.upstream.EmbeddedUpstream;
import io.cdc4j.bench.workload.BenchSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The row count of every bench table on a server, and the check that a downstream holds what the upstream does. */
public final class RowCounts {
    private RowCounts() {
    }

    /** The bench tables on the server on {@code port}, by name. */
    static List<String> tables(int port) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = EmbeddedUpstream.open(port); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = '" + BenchSchema.DATABASE + "' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Rows per bench table on the server on {@code port}. */
    public static Map<String, Long> of(int port) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = EmbeddedUpstream.open(port); Statement statement = connection.createStatement()) {
            for (String table : tables(port)) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + BenchSchema.DATABASE + "."
                        + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Fails unless every bench table has as many rows downstream as upstream. */
    static void requireEqual(int upstreamPort, int downstreamPort) throws SQLException {
        Map<String, Long> upstream = of(upstreamPort);
        Map<String, Long> downstream = of(downstreamPort);
        if (!upstream.equals(downstream)) {
            throw new IllegalStateException("row counts differ: upstream " + upstream + ", downstream " + downstream);
        }
    }
}
