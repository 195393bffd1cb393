package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.ZeroTemporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every column type, with its edge values, decodes from a real MariaDB binlog to exactly the value written. */
class TypeDecodingIT {
    private static MariaDbServer server;
    private static RecordingSink sink;
    private static BinlogReader reader;
    private static Map<Integer, Map<String, Object>> rowsById;
    private static TableInfo table;

    @BeforeAll
    static void writeAndRead() throws Exception {
        server = MariaDbServer.start();
        server.execute("CREATE DATABASE types", """
                CREATE TABLE types.t (
                  id INT PRIMARY KEY,
                  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,
                  mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
                  d DECIMAL(10,4), f FLOAT, dbl DOUBLE, b1 BIT(1), b64 BIT(64),
                  dt DATE, tm TIME(6), tm0 TIME, tm2 TIME(2), dtm DATETIME(6), dtm3 DATETIME(3), dtm0 DATETIME,
                  ts TIMESTAMP(6) NULL, yr YEAR,
                  c CHAR(10), vc VARCHAR(100), txt TEXT, l1 VARCHAR(20) CHARACTER SET latin1,
                  bin BINARY(4), vb VARBINARY(10), bl BLOB,
                  e ENUM('a','b','c'), st SET('x','y','z'), j JSON, g GEOMETRY,
                  UNIQUE KEY uk_si (siu)
                ) DEFAULT CHARSET=utf8mb4""");
        sink = new RecordingSink();
        reader = BinlogReader.start(server.config(), new StartPoint.Now(), sink, ReaderOptions.defaults(),
                new InMemoryTableIdAllocator(1), ReaderStatusListener.NONE);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            statement.execute("SET sql_mode = ''");
            statement.execute("""
                    INSERT INTO types.t VALUES (1,
                      -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,
                      -0000.0010, -1.5, -2.5e-300, b'0', b'0',
                      '1000-01-01', '-838:59:59.000000', '00:00:00', '-00:00:00.50', '1000-01-01 00:00:00.000000',
                      '2024-02-29 12:34:56.000', '2000-01-01 00:00:00',
                      '1970-01-01 00:00:01.000001', 1901,
                      '', '', '', 'café', x'00', x'0000', x'', 'a', '', '[]', ST_GeomFromText('POINT(1 2)'))""");
            statement.execute("""
                    INSERT INTO types.t VALUES (2,
                      127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807,
                      18446744073709551615,
                      999999.9999, 3.25, 1.7976931348623157E308, b'1', x'FFFFFFFFFFFFFFFF',
                      '9999-12-31', '838:59:59.999999', '-00:00:01', '12:00:00.99', '9999-12-31 23:59:59.999999',
                      '2024-02-29 12:34:56.789', '2024-01-01 10:11:12',
                      '2038-01-19 03:14:07.999999', 2155,
                      'abc', '😀 emoji', 'ünïcödé 😀 ok', 'ÿø', 'ab', x'00FF00', x'000102',
                      'c', 'x,z', '{"a": [1, 2.5, "x"]}', NULL)""");
            statement.execute("INSERT INTO types.t (id) VALUES (3)");
            statement.execute("""
                    INSERT INTO types.t (id, dt, dtm0, yr, tm, d, b64) VALUES (4, '0000-00-00', '0000-00-00 00:00:00', 0,
                      '-00:00:00.000001', 0.5, b'101')""");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.commits().size() >= 4);
        rowsById = new HashMap<>();
        for (RowChange row : sink.rows()) {
            table = row.table();
            RowImage image = row.after().orElseThrow();
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                values.put(table.columns().get(i).name(), image.value(i).orElse(null));
            }
            rowsById.put(((Long) values.get("id")).intValue(), values);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        reader.close();
        server.close();
    }

    private static Object value(int id, String column) {
        return rowsById.get(id).get(column);
    }

    @Test
    void integersOfEveryWidthAndSignedness() {
        assertThat(value(1, "ti")).isEqualTo(-128L);
        assertThat(value(1, "tiu")).isEqualTo(0L);
        assertThat(value(1, "si")).isEqualTo(-32768L);
        assertThat(value(1, "mi")).isEqualTo(-8388608L);
        assertThat(value(1, "i")).isEqualTo(-2147483648L);
        assertThat(value(1, "bi")).isEqualTo(Long.MIN_VALUE);
        assertThat(value(1, "biu")).isEqualTo(BigInteger.ZERO);
        assertThat(value(2, "ti")).isEqualTo(127L);
        assertThat(value(2, "tiu")).isEqualTo(255L);
        assertThat(value(2, "si")).isEqualTo(32767L);
        assertThat(value(2, "siu")).isEqualTo(65535L);
        assertThat(value(2, "mi")).isEqualTo(8388607L);
        assertThat(value(2, "miu")).isEqualTo(16777215L);
        assertThat(value(2, "i")).isEqualTo(2147483647L);
        assertThat(value(2, "iu")).isEqualTo(4294967295L);
        assertThat(value(2, "bi")).isEqualTo(Long.MAX_VALUE);
        assertThat(value(2, "biu")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void exactAndApproximateNumbers() {
        assertThat(value(1, "d")).isEqualTo(new BigDecimal("-0.0010"));
        assertThat(value(2, "d")).isEqualTo(new BigDecimal("999999.9999"));
        assertThat(value(4, "d")).isEqualTo(new BigDecimal("0.5000"));
        assertThat(value(1, "f")).isEqualTo(-1.5f);
        assertThat(value(2, "f")).isEqualTo(3.25f);
        assertThat(value(1, "dbl")).isEqualTo(-2.5e-300);
        assertThat(value(2, "dbl")).isEqualTo(1.7976931348623157E308);
    }

    @Test
    void bits() {
        assertThat(value(1, "b1")).isEqualTo(0L);
        assertThat(value(2, "b1")).isEqualTo(1L);
        assertThat(value(1, "b64")).isEqualTo(0L);
        assertThat(value(2, "b64")).isEqualTo(-1L);
        assertThat(value(4, "b64")).isEqualTo(5L);
    }

    @Test
    void datesAndTimesWithMicrosecondsAndSigns() {
        assertThat(value(1, "dt")).isEqualTo(LocalDate.of(1000, 1, 1));
        assertThat(value(2, "dt")).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(value(1, "tm")).isEqualTo(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59));
        assertThat(value(2, "tm")).isEqualTo(Duration.ofHours(838).plusMinutes(59).plusSeconds(59).plusNanos(999_999_000));
        assertThat(value(4, "tm")).isEqualTo(Duration.ofNanos(-1000));
        assertThat(value(1, "tm0")).isEqualTo(Duration.ZERO);
        assertThat(value(2, "tm0")).isEqualTo(Duration.ofSeconds(-1));
        assertThat(value(1, "tm2")).isEqualTo(Duration.ofMillis(-500));
        assertThat(value(2, "tm2")).isEqualTo(Duration.ofHours(12).plusMillis(990));
        assertThat(value(1, "dtm")).isEqualTo(LocalDateTime.of(1000, 1, 1, 0, 0));
        assertThat(value(2, "dtm")).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(value(1, "dtm3")).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56));
        assertThat(value(2, "dtm3")).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000));
        assertThat(value(2, "dtm0")).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 11, 12));
        assertThat(value(1, "ts")).isEqualTo(Instant.ofEpochSecond(1, 1000));
        assertThat(value(2, "ts")).isEqualTo(Instant.parse("2038-01-19T03:14:07.999999Z"));
        assertThat(value(1, "yr")).isEqualTo(1901);
        assertThat(value(2, "yr")).isEqualTo(2155);
    }

    @Test
    void zeroDatesAndYearZeroAreNotNull() {
        assertThat(value(4, "dt")).isEqualTo(new ZeroTemporal("0000-00-00"));
        assertThat(value(4, "dtm0")).isEqualTo(new ZeroTemporal("0000-00-00 00:00:00"));
        assertThat(value(4, "yr")).isEqualTo(0);
    }

    @Test
    void textWithColumnCharsets() {
        assertThat(value(1, "c")).isEqualTo("");
        assertThat(value(1, "vc")).isEqualTo("");
        assertThat(value(1, "txt")).isEqualTo("");
        assertThat(value(2, "c")).isEqualTo("abc");
        assertThat(value(2, "vc")).isEqualTo("😀 emoji");
        assertThat(value(2, "txt")).isEqualTo("ünïcödé 😀 ok");
        assertThat(value(1, "l1")).isEqualTo("café");
        assertThat(value(2, "l1")).isEqualTo("ÿø");
        assertThat(column("l1").charset()).contains("latin1");
        assertThat(column("vc").charset()).contains("utf8mb4");
        assertThat(column("l1").collation()).contains("latin1_swedish_ci");
        assertThat(column("vc").collation()).contains("utf8mb4_general_ci");
        assertThat(column("bin").collation()).isEmpty();
    }

    @Test
    void binaryKeepsZeroBytes() {
        assertThat((byte[]) value(1, "bin")).containsExactly(0, 0, 0, 0);
        assertThat((byte[]) value(2, "bin")).containsExactly('a', 'b', 0, 0);
        assertThat((byte[]) value(1, "vb")).containsExactly(0, 0);
        assertThat((byte[]) value(2, "vb")).containsExactly(0, 0xFF, 0);
        assertThat((byte[]) value(1, "bl")).isEmpty();
        assertThat((byte[]) value(2, "bl")).containsExactly(0, 1, 2);
    }

    @Test
    void enumSetJsonGeometry() throws Exception {
        assertThat(value(1, "e")).isEqualTo("a");
        assertThat(value(2, "e")).isEqualTo("c");
        assertThat(value(1, "st")).isEqualTo("");
        assertThat(value(2, "st")).isEqualTo("x,z");
        assertThat(column("e").elements()).containsExactly("a", "b", "c");
        assertThat(value(1, "j")).isEqualTo("[]");
        assertThat(value(2, "j")).isEqualTo("{\"a\": [1, 2.5, \"x\"]}");
        assertThat(column("j").type()).isEqualTo(ColumnType.JSON);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT g FROM types.t WHERE id = 1")) {
            rows.next();
            assertThat((byte[]) value(1, "g")).isEqualTo(rows.getBytes(1));
        }
        assertThat(value(2, "g")).isNull();
    }

    @Test
    void nullIsNotEmpty() {
        for (String column : List.of("ti", "biu", "d", "b64", "dt", "tm", "ts", "yr", "c", "vc", "bin", "bl", "e", "st", "j")) {
            assertThat(rowsById.get(3).get(column)).as(column).isNull();
        }
        assertThat(value(1, "vc")).isNotNull();
    }

    @Test
    void tableShapeComesFromTableMapMetadata() {
        assertThat(table.name().schema()).isEqualTo("types");
        assertThat(table.primaryKey()).containsExactly(0);
        assertThat(table.uniqueKey()).isEmpty();
        assertThat(table.uniqueKeys()).as("the nullable unique key, for conflict detection")
                .containsExactly(TableInfo.UniqueIndex.whole(List.of(table.columnIndex("siu"))));
        assertThat(table.columns()).noneMatch(ColumnInfo::generated);
        assertThat(column("biu").unsigned()).isTrue();
        assertThat(column("bi").unsigned()).isFalse();
        assertThat(column("biu").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column("bin").type()).isEqualTo(ColumnType.BINARY);
        assertThat(column("bl").type()).isEqualTo(ColumnType.BLOB);
        assertThat(column("txt").type()).isEqualTo(ColumnType.TEXT);
        assertThat(column("id").nullable()).isFalse();
    }

    private static ColumnInfo column(String name) {
        return table.columns().get(table.columnIndex(name));
    }
}
