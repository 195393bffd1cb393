package io.cdc4j.sink.mysql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random workload on one upstream schema: a table with every column type the sink binds (extremes, 4-byte
 * characters, 0x00 bytes, zero dates, NULLs), a table whose unique codes are swapped, a table with a composite key;
 * multi-row transactions with key-changing updates, deletes and rows changed several times; and DDL.
 */
public final class RandomWorkload {
    static final String TYPES_COLUMNS = "id, c_ti, c_tiu, c_si, c_siu, c_mi, c_miu, c_i, c_iu, c_bi, c_biu, c_dec,"
            + " c_f, c_d, c_bit, c_bit5, c_date, c_dt, c_ts, c_time, c_year, c_char, c_vc, c_text, c_bin, c_vb,"
            + " c_blob, c_enum, c_set, c_json, c_null";
    private static final String[] TEXTS = {"", "plain", "quote ' and \" and \\ backslash", "emoji \uD83D\uDE00 4-byte",
        "\uD834\uDD1E clef", "\u4E2D\u6587\u5B57", "caf\u00E9", "tab\tnewline\n", "   padded   "};

    private final String schema;
    private final Random random;
    private final List<Long> typeIds = new ArrayList<>();
    private final List<Integer> accountIds = new ArrayList<>();
    private long nextTypeId = 1;
    private int nextAccountId = 1;
    private int codeCounter;

    public RandomWorkload(String schema, long seed) {
        this.schema = schema;
        this.random = new Random(seed);
    }

    /** Creates the schema and its tables, and fills the accounts. */
    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + schema);
            statement.execute("CREATE TABLE " + schema + ".types (id BIGINT PRIMARY KEY, c_ti TINYINT,"
                    + " c_tiu TINYINT UNSIGNED, c_si SMALLINT, c_siu SMALLINT UNSIGNED, c_mi MEDIUMINT,"
                    + " c_miu MEDIUMINT UNSIGNED, c_i INT, c_iu INT UNSIGNED, c_bi BIGINT, c_biu BIGINT UNSIGNED,"
                    + " c_dec DECIMAL(38,10), c_f FLOAT, c_d DOUBLE, c_bit BIT(64), c_bit5 BIT(5), c_date DATE,"
                    + " c_dt DATETIME(6), c_ts TIMESTAMP(6) NULL, c_time TIME(6), c_year YEAR, c_char CHAR(10),"
                    + " c_vc VARCHAR(100), c_text TEXT, c_bin BINARY(8), c_vb VARBINARY(32), c_blob BLOB,"
                    + " c_enum ENUM('a','b','c'), c_set SET('x','y','z'), c_json JSON, c_null INT NULL)"
                    + " DEFAULT CHARSET utf8mb4");
            statement.execute("CREATE TABLE " + schema + ".accounts (id INT PRIMARY KEY, code VARCHAR(20) NOT NULL"
                    + " UNIQUE, balance DECIMAL(20,2) NOT NULL)");
            statement.execute("CREATE TABLE " + schema + ".pairs (a INT, b VARCHAR(16), v INT, PRIMARY KEY (a, b))");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                + ".accounts VALUES (?, ?, ?)")) {
            for (int i = 0; i < 20; i++) {
                insert.setInt(1, nextAccountId);
                insert.setString(2, "code-" + codeCounter++);
                insert.setBigDecimal(3, BigDecimal.valueOf(random.nextInt(1_000_000), 2));
                insert.executeUpdate();
                accountIds.add(nextAccountId++);
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Runs {@code count} random transactions. */
    public void transactions(Connection connection, int count) throws SQLException {
        connection.setAutoCommit(false);
        for (int t = 0; t < count; t++) {
            int operations = 1 + random.nextInt(12);
            for (int o = 0; o < operations; o++) {
                operation(connection);
            }
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    private void operation(Connection connection) throws SQLException {
        int choice = random.nextInt(100);
        if (choice < 30 || typeIds.size() < 5) {
            insertType(connection, nextTypeId++);
        } else if (choice < 45) {
            updateType(connection, pick(typeIds));
        } else if (choice < 52) {
            long from = pick(typeIds);
            long to = nextTypeId++;
            execute(connection, "UPDATE " + schema + ".types SET id = " + to + " WHERE id = " + from);
            typeIds.set(typeIds.indexOf(from), to);
        } else if (choice < 60) {
            long id = pick(typeIds);
            execute(connection, "DELETE FROM " + schema + ".types WHERE id = " + id);
            typeIds.remove(id);
        } else if (choice < 70) {
            long id = nextTypeId++;
            insertType(connection, id);
            for (int i = random.nextInt(4); i > 0; i--) {
                updateType(connection, id);
            }
            if (random.nextBoolean()) {
                execute(connection, "DELETE FROM " + schema + ".types WHERE id = " + id);
                typeIds.remove(id);
            }
        } else if (choice < 78) {
            long id = pick(typeIds);
            for (int i = 2 + random.nextInt(3); i > 0; i--) {
                updateType(connection, id);
            }
        } else if (choice < 85) {
            swapCodes(connection);
        } else if (choice < 92) {
            int a = random.nextInt(30);
            String b = "b" + random.nextInt(5);
            execute(connection, "INSERT INTO " + schema + ".pairs VALUES (" + a + ", '" + b + "', 1)"
                    + " ON DUPLICATE KEY UPDATE v = v + 1");
        } else {
            execute(connection, "DELETE FROM " + schema + ".pairs WHERE a = " + random.nextInt(30));
        }
    }

    /** Swaps the unique codes of two accounts through a temporary code, and moves money between them. */
    private void swapCodes(Connection connection) throws SQLException {
        int a = pick(accountIds);
        int b = pick(accountIds);
        if (a == b) {
            return;
        }
        String table = schema + ".accounts";
        execute(connection, "SET @ca = (SELECT code FROM " + table + " WHERE id = " + a + "), @cb = (SELECT code FROM "
                + table + " WHERE id = " + b + ")");
        execute(connection, "UPDATE " + table + " SET code = 'swapping' WHERE id = " + a);
        execute(connection, "UPDATE " + table + " SET code = @ca, balance = balance - 1 WHERE id = " + b);
        execute(connection, "UPDATE " + table + " SET code = @cb, balance = balance + 1 WHERE id = " + a);
    }

    /** A few DDLs with DML between: add a column with a default, drop one, rename, create, truncate and drop tables. */
    public void ddl(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE " + schema + ".evolving (id INT PRIMARY KEY, a INT, b VARCHAR(20))");
        execute(connection, "INSERT INTO " + schema + ".evolving VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 3, NULL)");
        execute(connection, "ALTER TABLE " + schema + ".evolving ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT 'dflt'");
        execute(connection, "INSERT INTO " + schema + ".evolving VALUES (4, 4, 'four', 'set')");
        execute(connection, "UPDATE " + schema + ".evolving SET a = a * 10 WHERE id <= 2");
        execute(connection, "ALTER TABLE " + schema + ".evolving DROP COLUMN b");
        execute(connection, "INSERT INTO " + schema + ".evolving VALUES (5, 5, 'after')");
        execute(connection, "RENAME TABLE " + schema + ".evolving TO " + schema + ".evolved");
        execute(connection, "UPDATE " + schema + ".evolved SET c = 'renamed' WHERE id = 1");
        execute(connection, "CREATE TABLE " + schema + ".fresh (id INT PRIMARY KEY, v TEXT)");
        execute(connection, "INSERT INTO " + schema + ".fresh VALUES (1, 'x'), (2, 'y')");
        execute(connection, "TRUNCATE TABLE " + schema + ".fresh");
        execute(connection, "INSERT INTO " + schema + ".fresh VALUES (3, 'z')");
        execute(connection, "CREATE TABLE " + schema + ".doomed (id INT PRIMARY KEY)");
        execute(connection, "INSERT INTO " + schema + ".doomed VALUES (1)");
        execute(connection, "DROP TABLE " + schema + ".doomed");
    }

    /** One transaction inserting {@code rows} rows into a new table, then changing some of them in the same transaction. */
    public void bigTransaction(Connection connection, int rows) throws SQLException {
        execute(connection, "CREATE TABLE " + schema + ".bulk (id INT PRIMARY KEY, payload VARCHAR(64), n BIGINT)");
        connection.setAutoCommit(false);
        execute(connection, "INSERT INTO " + schema + ".bulk SELECT seq, CONCAT('row-', seq, '-\uD83D\uDE80'), seq * 7"
                + " FROM " + schema + ".seq_1_to_" + rows);
        execute(connection, "UPDATE " + schema + ".bulk SET n = -n WHERE id % 1000 = 0");
        execute(connection, "DELETE FROM " + schema + ".bulk WHERE id % 5000 = 1");
        connection.commit();
        connection.setAutoCommit(true);
    }

    private void insertType(Connection connection, long id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".types ("
                + TYPES_COLUMNS + ") VALUES (" + "?,".repeat(30) + "?)")) {
            insert.setLong(1, id);
            bindTypeValues(insert, 2);
            insert.executeUpdate();
        }
        typeIds.add(id);
    }

    private void updateType(Connection connection, long id) throws SQLException {
        String[] columns = TYPES_COLUMNS.split(", ");
        StringBuilder sql = new StringBuilder("UPDATE ").append(schema).append(".types SET ");
        for (int c = 1; c < columns.length; c++) {
            sql.append(c == 1 ? "" : ", ").append(columns[c]).append(" = ?");
        }
        try (PreparedStatement update = connection.prepareStatement(sql + " WHERE id = ?")) {
            bindTypeValues(update, 1);
            update.setLong(columns.length, id);
            update.executeUpdate();
        }
    }

    private void bindTypeValues(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        statement.setObject(i++, maybeNull(integer(-128, 127)));
        statement.setObject(i++, maybeNull(integer(0, 255)));
        statement.setObject(i++, maybeNull(integer(-32768, 32767)));
        statement.setObject(i++, maybeNull(integer(0, 65535)));
        statement.setObject(i++, maybeNull(integer(-8388608, 8388607)));
        statement.setObject(i++, maybeNull(integer(0, 16777215)));
        statement.setObject(i++, maybeNull(integer(Integer.MIN_VALUE, Integer.MAX_VALUE)));
        statement.setObject(i++, maybeNull(integer(0, 4294967295L)));
        statement.setObject(i++, maybeNull(extreme(Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong())));
        statement.setObject(i++, maybeNull(new BigDecimal(random.nextInt(4) == 0 ? new BigInteger("18446744073709551615")
                : new BigInteger(64, random))));
        statement.setObject(i++, maybeNull(new BigDecimal(new BigInteger(120, random), 10)
                .multiply(random.nextBoolean() ? BigDecimal.ONE : BigDecimal.ONE.negate())));
        statement.setObject(i++, maybeNull(random.nextFloat() * 1e6f - 5e5f));
        statement.setObject(i++, maybeNull(random.nextInt(4) == 0 ? Double.MAX_VALUE : random.nextGaussian() * 1e12));
        statement.setObject(i++, maybeNull(new BigDecimal(random.nextInt(4) == 0 ? new BigInteger("18446744073709551615")
                : new BigInteger(64, random))));
        statement.setObject(i++, maybeNull(random.nextInt(32)));
        statement.setObject(i++, maybeNull(random.nextInt(20) == 0 ? "0000-00-00" : "%04d-%02d-%02d".formatted(
                1000 + random.nextInt(9000), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        statement.setObject(i++, maybeNull(random.nextInt(20) == 0 ? "0000-00-00 00:00:00" : dateTime(1000, 9000)));
        statement.setObject(i++, maybeNull(dateTime(1971, 66)));
        statement.setObject(i++, maybeNull("%s%d:%02d:%02d.%06d".formatted(random.nextBoolean() ? "-" : "",
                random.nextInt(839), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000))));
        statement.setObject(i++, maybeNull(random.nextInt(10) == 0 ? 0 : 1901 + random.nextInt(255)));
        statement.setObject(i++, maybeNull(text(10)));
        statement.setObject(i++, maybeNull(text(100)));
        statement.setObject(i++, maybeNull(text(5000)));
        statement.setObject(i++, maybeNull(bytes(1 + random.nextInt(8))));
        statement.setObject(i++, maybeNull(bytes(random.nextInt(33))));
        statement.setObject(i++, maybeNull(bytes(random.nextInt(3000))));
        statement.setObject(i++, maybeNull(new String[] {"a", "b", "c"}[random.nextInt(3)]));
        statement.setObject(i++, maybeNull(new String[] {"", "x", "y,z", "x,y,z"}[random.nextInt(4)]));
        statement.setObject(i++, maybeNull("{\"k\": " + random.nextInt() + ", \"s\": \"" + text(20).replace("\\", "")
                .replace("\"", "").replace("\t", "").replace("\n", "") + "\", \"a\": [1, 2.5, null, true]}"));
        statement.setObject(i, random.nextBoolean() ? null : random.nextInt());
    }

    private Object maybeNull(Object value) {
        return random.nextInt(12) == 0 ? null : value;
    }

    private long integer(long min, long max) {
        return extreme(min, max, min + (long) (random.nextDouble() * (max - min)));
    }

    private long extreme(long min, long max, long otherwise) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> otherwise;
        };
    }

    private String dateTime(int fromYear, int years) {
        return "%04d-%02d-%02d %02d:%02d:%02d.%06d".formatted(fromYear + random.nextInt(years), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                random.nextInt(1_000_000));
    }

    private String text(int maxChars) {
        StringBuilder text = new StringBuilder();
        while (true) {
            String piece = TEXTS[random.nextInt(TEXTS.length)];
            if (text.length() + piece.length() > maxChars || random.nextInt(4) == 0) {
                return text.toString().stripTrailing();
            }
            text.append(piece);
        }
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length > 0) {
            bytes[random.nextInt(length)] = 0;
        }
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
