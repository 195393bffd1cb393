package io.cdc4j.upstream;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL texts of the upstream's catalog and status queries, in one place so that a test can check every
 * information_schema column they name against MySQL 8.0/8.4/9 and MariaDB 10.5+. Only columns both servers have
 * are used, except in {@link #MARIADB_JSON_CHECKS}, which runs on MariaDB alone.
 */
final class UpstreamQueries {
    /** Collation id, charset and name of every collation. */
    static final String COLLATIONS = "SELECT ID, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLLATIONS"
            + " WHERE ID IS NOT NULL";

    /**
     * Name, data type and generation expression of a table's columns. A generated column has a non-empty
     * GENERATION_EXPRESSION on both servers (MySQL: '' for others, MariaDB: NULL); EXTRA is no test, since MySQL
     * also says DEFAULT_GENERATED there for an expression default.
     */
    static final String COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE, GENERATION_EXPRESSION, TABLE_SCHEMA, TABLE_NAME"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    /**
     * MariaDB's JSON columns: a LONGTEXT with a column CHECK (json_valid(`c`)) named after the column. Only MariaDB
     * has CHECK_CONSTRAINTS.TABLE_NAME; MySQL has a real JSON type and needs no such query.
     */
    static final String MARIADB_JSON_CHECKS = "SELECT CONSTRAINT_NAME, CHECK_CLAUSE, CONSTRAINT_SCHEMA, TABLE_NAME"
            + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?";

    /**
     * The columns of a table's unique indexes in key order, with their prefix length and nullability. COLUMN_NAME
     * is NULL for a MySQL functional key part.
     */
    static final String UNIQUE_INDEXES = "SELECT INDEX_NAME, COLUMN_NAME, SUB_PART, NULLABLE, TABLE_SCHEMA, TABLE_NAME"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
            + " ORDER BY INDEX_NAME, SEQ_IN_INDEX";

    /** Every base table. */
    static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_SCHEMA, TABLE_NAME";

    /**
     * The nullability of every unique index column of every table, to tell which tables have a handle key. Matched
     * to tables in Java by exact name: in SQL, MariaDB compares the names case-insensitively (and caches a
     * correlated subquery's answer for {@code d.Foo} and {@code d.foo} alike).
     */
    static final String UNIQUE_INDEX_NULLABILITY = "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NULLABLE"
            + " FROM information_schema.STATISTICS WHERE NON_UNIQUE = 0";

    private static final Pattern MYSQL_VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    private UpstreamQueries() {
    }

    /** The information_schema queries run on a server of the given flavour. */
    static List<String> informationSchema(boolean mariaDb) {
        return mariaDb ? List.of(COLLATIONS, COLUMNS, MARIADB_JSON_CHECKS, UNIQUE_INDEXES, TABLES, UNIQUE_INDEX_NULLABILITY)
                : List.of(COLLATIONS, COLUMNS, UNIQUE_INDEXES, TABLES, UNIQUE_INDEX_NULLABILITY);
    }

    /**
     * The statement that tells the binlog's end on a server of this {@code version} string (e.g. {@code 8.4.3},
     * {@code 10.11.6-MariaDB}): SHOW BINARY LOG STATUS on MySQL 8.2 and later (which renamed SHOW MASTER STATUS;
     * 8.4 removed the old name), SHOW MASTER STATUS on MariaDB and older MySQL.
     */
    static String binlogStatus(String version) {
        Matcher matcher = MYSQL_VERSION.matcher(version);
        if (version.toLowerCase(Locale.ROOT).contains("mariadb") || !matcher.find()) {
            return "SHOW MASTER STATUS";
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 8 || (major == 8 && minor >= 2) ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }
}
