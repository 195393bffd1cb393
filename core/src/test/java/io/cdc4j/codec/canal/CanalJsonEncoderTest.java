package io.cdc4j.codec.canal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.codec.Message;
import io.cdc4j.consumer.canal.CanalJsonChangeDecoder;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.schema.CreateTableReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanalJsonEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The commit ts of the examples in ../shared/reference/protocols.md. Their {@code es} (1716169425152) is not this
     * ts's physical part: {@code es} is commitTs >> 18, which is {@value #ES}.
     */
    private static final long COMMIT_TS = 449885128453062657L;
    private static final long ES = 1716175569355L;
    private static final long NOW = 1716169426001L;
    private static final CanalJsonEncoder TIDB = new CanalJsonEncoder(
            new CanalJsonOptions(true, false, ZoneOffset.UTC), () -> NOW);
    private static final CanalJsonEncoder PLAIN = new CanalJsonEncoder(
            new CanalJsonOptions(false, false, ZoneOffset.UTC), () -> NOW);

    private static ColumnInfo column(String name, ColumnType type, boolean unsigned, String charset,
                                     String... elements) {
        return new ColumnInfo(name, type, unsigned, true, Optional.ofNullable(charset), List.of(elements));
    }

    private static final TableInfo T = new TableInfo(1, new TableName("test", "t"), List.of(
            column("id", ColumnType.INT, false, null), column("name", ColumnType.VARCHAR, false, "utf8mb4"),
            column("price", ColumnType.DECIMAL, false, null), column("b", ColumnType.VARBINARY, false, null)),
            List.of(0), List.of(), List.of(), Optional.of(CreateTableReader.read("CREATE TABLE t (id INT PRIMARY KEY,"
            + " name VARCHAR(16), price DECIMAL(10,2), b VARBINARY(8))", "test")));

    private static RowImage image(Object... values) {
        return new RowImage(values);
    }

    private static JsonNode tree(Message message) throws Exception {
        return tree(message.value());
    }

    private static JsonNode tree(byte[] message) throws Exception {
        return JSON.readTree(message);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void anUpdateIsTheReferencesExampleFieldForFieldAndInTiCdcsOrder() throws Exception {
        RowChange update = new RowChange(RowKind.UPDATE, T, COMMIT_TS,
                Optional.of(image(1L, "a", new BigDecimal("1.50"), new byte[] {1, 'A'})),
                Optional.of(image(1L, "b", new BigDecimal("2.00"), new byte[] {1, 'A'})));
        JsonNode message = tree(TIDB.row(update));
        JsonNode expected = JSON.readTree("{\"id\":0,\"database\":\"test\",\"table\":\"t\",\"pkNames\":[\"id\"],"
                + "\"isDdl\":false,\"type\":\"UPDATE\",\"es\":" + ES + ",\"ts\":1716169426001,\"sql\":\"\","
                + "\"sqlType\":{\"id\":4,\"name\":12,\"price\":3,\"b\":2004},\"mysqlType\":{\"name\":\"varchar\","
                + "\"id\":\"int\",\"b\":\"varbinary\",\"price\":\"decimal\"},\"old\":[{\"id\":\"1\",\"name\":\"a\","
                + "\"price\":\"1.50\",\"b\":\"\\u0001A\"}],\"data\":[{\"id\":\"1\",\"name\":\"b\",\"price\":\"2.00\","
                + "\"b\":\"\\u0001A\"}],\"_tidb\":{\"commitTs\":449885128453062657}}");
        assertThat(message).isEqualTo(expected);
        assertThat(fieldNames(message)).containsExactly("id", "database", "table", "pkNames", "isDdl", "type", "es",
                "ts", "sql", "sqlType", "mysqlType", "old", "data", "_tidb");
        assertThat(new String(TIDB.row(update).value(), StandardCharsets.UTF_8)).contains("\"b\":\"\\u0001A\"");
    }

    @Test
    void insertsAndDeletesShowTheirOneImageAndNoOldWithoutTheExtensionNoTidb() throws Exception {
        JsonNode insert = tree(PLAIN.row(new RowChange(RowKind.INSERT, T, COMMIT_TS, Optional.empty(),
                Optional.of(image(2L, null, new BigDecimal("0.00"), null)))));
        assertThat(insert.path("type").asText()).isEqualTo("INSERT");
        assertThat(insert.get("old").isNull()).isTrue();
        assertThat(insert.path("data").get(0).get("name").isNull()).as("NULL is JSON null").isTrue();
        assertThat(insert.has("_tidb")).isFalse();
        JsonNode delete = tree(PLAIN.row(new RowChange(RowKind.DELETE, T, COMMIT_TS,
                Optional.of(image(3L, "gone", new BigDecimal("9.99"), new byte[0])), Optional.empty())));
        assertThat(delete.path("type").asText()).isEqualTo("DELETE");
        assertThat(delete.get("old").isNull()).isTrue();
        assertThat(delete.path("data").get(0).path("name").asText()).isEqualTo("gone");
    }

    @Test
    void deleteOnlyHandleKeyColumnsShowsADeletesKeyAlone() throws Exception {
        CanalJsonEncoder encoder = new CanalJsonEncoder(new CanalJsonOptions(true, false, ZoneOffset.UTC, true),
                () -> NOW);
        JsonNode delete = tree(encoder.row(new RowChange(RowKind.DELETE, T, COMMIT_TS,
                Optional.of(image(3L, "gone", new BigDecimal("9.99"), new byte[0])), Optional.empty())));
        assertThat(fieldNames(delete.path("data").get(0))).containsExactly("id");
        assertThat(fieldNames(delete.path("sqlType"))).containsExactly("id");
        assertThat(fieldNames(delete.path("mysqlType"))).containsExactly("id");
        assertThat(delete.path("pkNames").get(0).asText()).isEqualTo("id");
        JsonNode insert = tree(encoder.row(new RowChange(RowKind.INSERT, T, COMMIT_TS, Optional.empty(),
                Optional.of(image(4L, "kept", new BigDecimal("1.00"), new byte[0])))));
        assertThat(fieldNames(insert.path("data").get(0))).as("other rows keep every column")
                .containsExactly("id", "name", "price", "b");
        RowChange update = new RowChange(RowKind.UPDATE, T, COMMIT_TS, Optional.of(image(4L, "kept",
                new BigDecimal("1.00"), new byte[0])), Optional.of(image(4L, "large", new BigDecimal("1.00"),
                new byte[0])));
        JsonNode keyOnly = tree(TIDB.rowHandleKeyOnly(update).orElseThrow());
        assertThat(fieldNames(keyOnly.path("data").get(0))).as("handle-key-only").containsExactly("id");
        assertThat(fieldNames(keyOnly.path("old").get(0))).containsExactly("id");
        assertThat(keyOnly.path("_tidb").path("onlyHandleKey").asBoolean()).isTrue();
        assertThat(PLAIN.rowHandleKeyOnly(update)).as("only with the TiDB extension").isEmpty();
        byte[] sent = TIDB.rowHandleKeyOnly(update).orElseThrow().value();
        assertThatThrownBy(() -> new CanalJsonChangeDecoder().decode(null, sent))
                .as("the consumer cannot fetch the rest of the row").hasMessageContaining("handle key alone");
    }

    @Test
    void onlyUpdatedColumnsLeavesTheUnchangedOnesOutOfOld() throws Exception {
        CanalJsonEncoder encoder = new CanalJsonEncoder(new CanalJsonOptions(false, true, ZoneOffset.UTC), () -> NOW);
        JsonNode message = tree(encoder.row(new RowChange(RowKind.UPDATE, T, COMMIT_TS,
                Optional.of(image(1L, "a", new BigDecimal("1.50"), new byte[] {7})),
                Optional.of(image(1L, "b", new BigDecimal("1.50"), new byte[] {7})))));
        assertThat(fieldNames(message.path("old").get(0))).containsExactly("name");
        assertThat(fieldNames(message.path("data").get(0))).containsExactly("id", "name", "price", "b");
    }

    @Test
    void everyTypeIsShownAsTiCdcShowsIt() throws Exception {
        String create = "CREATE TABLE a (id INT PRIMARY KEY, ti TINYINT UNSIGNED, si SMALLINT UNSIGNED ZEROFILL,"
                + " mi MEDIUMINT, ui INT UNSIGNED, bu BIGINT UNSIGNED, f FLOAT, d DOUBLE, small DOUBLE, dt DATETIME(3),"
                + " ts TIMESTAMP(6), tm TIME(2), dd DATE, y YEAR, bits BIT(3), e ENUM('x','y'), st SET('p','q','r'),"
                + " j JSON, mt MEDIUMTEXT, mb MEDIUMBLOB, c CHAR(4), nd DOUBLE, html VARCHAR(20), big BIGINT)";
        List<ColumnInfo> columns = List.of(column("id", ColumnType.INT, false, null),
                column("ti", ColumnType.TINYINT, true, null), column("si", ColumnType.SMALLINT, true, null),
                column("mi", ColumnType.MEDIUMINT, false, null), column("ui", ColumnType.INT, true, null),
                column("bu", ColumnType.BIGINT, true, null), column("f", ColumnType.FLOAT, false, null),
                column("d", ColumnType.DOUBLE, false, null), column("small", ColumnType.DOUBLE, false, null),
                column("dt", ColumnType.DATETIME, false, null), column("ts", ColumnType.TIMESTAMP, false, null),
                column("tm", ColumnType.TIME, false, null), column("dd", ColumnType.DATE, false, null),
                column("y", ColumnType.YEAR, false, null), column("bits", ColumnType.BIT, false, null),
                column("e", ColumnType.ENUM, false, "utf8mb4", "x", "y"),
                column("st", ColumnType.SET, false, "utf8mb4", "p", "q", "r"),
                column("j", ColumnType.JSON, false, "utf8mb4"), column("mt", ColumnType.TEXT, false, "utf8mb4"),
                column("mb", ColumnType.BLOB, false, null), column("c", ColumnType.CHAR, false, "utf8mb4"),
                column("nd", ColumnType.DOUBLE, false, null), column("html", ColumnType.VARCHAR, false, "utf8mb4"),
                column("big", ColumnType.BIGINT, false, null));
        TableInfo table = new TableInfo(2, new TableName("test", "a"), columns, List.of(0), List.of(), List.of(),
                Optional.of(CreateTableReader.read(create, "test")));
        RowImage values = image(1L, 200L, 40000L, -8388608L, 4294967295L, new BigInteger("18446744073709551615"),
                0.1f, 1234567.5d, 1.0e-7d, LocalDateTime.of(2024, 5, 20, 1, 2, 3, 123_456_000),
                Instant.parse("2024-05-20T01:02:03.000001Z"), Duration.ofHours(-838).minusMinutes(59)
                        .minusSeconds(58).minusMillis(990), LocalDate.of(2024, 5, 20), 2024, 5L, "y", "p,r",
                "{\"k\": [1, 2]}", "héllo", new byte[] {(byte) 0xFF, 0}, "ab", Double.NaN, "<a&b>", Long.MIN_VALUE);
        JsonNode message = tree(TIDB.row(new RowChange(RowKind.INSERT, table, COMMIT_TS, Optional.empty(),
                Optional.of(values))));
        JsonNode data = message.path("data").get(0);
        JsonNode sqlType = message.path("sqlType");
        JsonNode mysqlType = message.path("mysqlType");
        assertThat(data.path("ti").asText()).isEqualTo("200");
        assertThat(sqlType.path("ti").asInt()).as("an unsigned TINYINT above 127 is promoted").isEqualTo(5);
        assertThat(mysqlType.path("ti").asText()).isEqualTo("tinyint unsigned");
        assertThat(mysqlType.path("si").asText()).isEqualTo("smallint unsigned zerofill");
        assertThat(sqlType.path("si").asInt()).isEqualTo(4);
        assertThat(sqlType.path("mi").asInt()).isEqualTo(4);
        assertThat(data.path("mi").asText()).isEqualTo("-8388608");
        assertThat(sqlType.path("ui").asInt()).isEqualTo(-5);
        assertThat(data.path("bu").asText()).isEqualTo("18446744073709551615");
        assertThat(sqlType.path("bu").asInt()).isEqualTo(3);
        assertThat(data.path("f").asText()).isEqualTo("0.1");
        assertThat(sqlType.path("f").asInt()).isEqualTo(7);
        assertThat(data.path("d").asText()).isEqualTo("1234567.5");
        assertThat(data.path("small").asText()).as("never an exponent").isEqualTo("0.0000001");
        assertThat(data.path("nd").asText()).as("NaN is 0").isEqualTo("0");
        assertThat(data.path("dt").asText()).isEqualTo("2024-05-20 01:02:03.123");
        assertThat(sqlType.path("dt").asInt()).isEqualTo(93);
        assertThat(data.path("ts").asText()).isEqualTo("2024-05-20 01:02:03.000001");
        assertThat(data.path("tm").asText()).isEqualTo("-838:59:58.99");
        assertThat(sqlType.path("tm").asInt()).isEqualTo(92);
        assertThat(data.path("dd").asText()).isEqualTo("2024-05-20");
        assertThat(sqlType.path("dd").asInt()).isEqualTo(91);
        assertThat(data.path("y").asText()).isEqualTo("2024");
        assertThat(sqlType.path("y").asInt()).isEqualTo(12);
        assertThat(data.path("bits").asText()).isEqualTo("5");
        assertThat(sqlType.path("bits").asInt()).isEqualTo(-7);
        assertThat(data.path("e").asText()).as("an ENUM's 1-based index").isEqualTo("2");
        assertThat(sqlType.path("e").asInt()).isEqualTo(4);
        assertThat(data.path("st").asText()).as("a SET's bitmask").isEqualTo("5");
        assertThat(sqlType.path("st").asInt()).isEqualTo(-7);
        assertThat(data.path("j").asText()).isEqualTo("{\"k\": [1, 2]}");
        assertThat(mysqlType.path("j").asText()).isEqualTo("json");
        assertThat(sqlType.path("j").asInt()).isEqualTo(12);
        assertThat(data.path("mt").asText()).isEqualTo("héllo");
        assertThat(mysqlType.path("mt").asText()).isEqualTo("mediumtext");
        assertThat(sqlType.path("mt").asInt()).isEqualTo(2005);
        assertThat(data.path("mb").asText()).isEqualTo("\u00ff\u0000");
        assertThat(mysqlType.path("mb").asText()).isEqualTo("mediumblob");
        assertThat(sqlType.path("mb").asInt()).isEqualTo(2004);
        assertThat(sqlType.path("c").asInt()).isEqualTo(1);
        assertThat(data.path("big").asText()).isEqualTo("-9223372036854775808");
        assertThat(new String(TIDB.row(new RowChange(RowKind.INSERT, table, COMMIT_TS, Optional.empty(),
                Optional.of(values))).value(), StandardCharsets.UTF_8))
                .as("<, > and & escaped as Go escapes them").contains("\"html\":\"\\u003ca\\u0026b\\u003e\"");
    }

    @Test
    void aNewVersionOfATableIsEncodedWithItsOwnColumnsNotTheOnesSeenBefore() throws Exception {
        CanalJsonEncoder encoder = new CanalJsonEncoder(new CanalJsonOptions(false, false, ZoneOffset.UTC), () -> NOW);
        TableInfo before = new TableInfo(4, new TableName("test", "v"), List.of(column("id", ColumnType.INT, false,
                null)), List.of(0), List.of(), List.of(), Optional.of(CreateTableReader.read(
                "CREATE TABLE v (id INT PRIMARY KEY)", "test")));
        TableInfo after = new TableInfo(4, new TableName("test", "v"), List.of(column("id", ColumnType.INT, false,
                null), column("note", ColumnType.VARCHAR, false, "utf8mb4")), List.of(0), List.of(), List.of(),
                Optional.of(CreateTableReader.read("CREATE TABLE v (id INT PRIMARY KEY, note TINYTEXT)", "test")));

        JsonNode first = tree(encoder.row(new RowChange(RowKind.INSERT, before, COMMIT_TS, Optional.empty(),
                Optional.of(image(1)))));
        JsonNode second = tree(encoder.row(new RowChange(RowKind.INSERT, after, COMMIT_TS + 1, Optional.empty(),
                Optional.of(image(2, "hi")))));
        JsonNode again = tree(encoder.row(new RowChange(RowKind.INSERT, before, COMMIT_TS + 2, Optional.empty(),
                Optional.of(image(3)))));

        assertThat(first.path("mysqlType").size()).isEqualTo(1);
        assertThat(second.path("mysqlType").path("note").asText()).isEqualTo("tinytext");
        assertThat(second.path("data").get(0).path("note").asText()).isEqualTo("hi");
        assertThat(again.path("mysqlType").size()).as("the old version again, as a reader replaying it sends it")
                .isEqualTo(1);
    }

    @Test
    void aTimestampIsTheWallTimeOfTheServersZoneAndTheZeroTimestampStaysZero() throws Exception {
        String create = "CREATE TABLE z (id INT PRIMARY KEY, ts TIMESTAMP)";
        TableInfo table = new TableInfo(3, new TableName("test", "z"), List.of(column("id", ColumnType.INT, false,
                null), column("ts", ColumnType.TIMESTAMP, false, null)), List.of(0), List.of(), List.of(),
                Optional.of(CreateTableReader.read(create, "test")));
        CanalJsonEncoder tokyo = new CanalJsonEncoder(new CanalJsonOptions(false, false, ZoneId.of("Asia/Tokyo")),
                () -> NOW);
        JsonNode shifted = tree(tokyo.row(new RowChange(RowKind.INSERT, table, COMMIT_TS, Optional.empty(),
                Optional.of(image(1L, Instant.parse("2024-05-20T01:02:03Z"))))));
        assertThat(shifted.path("data").get(0).path("ts").asText()).isEqualTo("2024-05-20 10:02:03");
        JsonNode zero = tree(tokyo.row(new RowChange(RowKind.INSERT, table, COMMIT_TS, Optional.empty(),
                Optional.of(image(1L, Instant.EPOCH)))));
        assertThat(zero.path("data").get(0).path("ts").asText()).isEqualTo("0000-00-00 00:00:00");
    }

    @Test
    void ddlAndWatermarkMessagesCarryTheirTsAndCanalsDdlType() throws Exception {
        JsonNode alter = tree(TIDB.ddl(new DdlEvent("test", List.of(new TableName("test", "t")), DdlType.ADD_COLUMN,
                "ALTER TABLE t ADD c INT", COMMIT_TS)));
        assertThat(alter).isEqualTo(JSON.readTree("{\"id\":0,\"database\":\"test\",\"table\":\"t\",\"pkNames\":null,"
                + "\"isDdl\":true,\"type\":\"ALTER\",\"es\":" + ES + ",\"ts\":1716169426001,\"sql\":\"ALTER TABLE t"
                + " ADD c INT\",\"sqlType\":null,\"mysqlType\":null,\"data\":null,\"old\":null,"
                + "\"_tidb\":{\"commitTs\":449885128453062657}}"));
        JsonNode schema = tree(PLAIN.ddl(new DdlEvent("fresh", List.of(), DdlType.CREATE_DATABASE,
                "CREATE DATABASE fresh", COMMIT_TS)));
        assertThat(schema.path("table").asText()).isEmpty();
        assertThat(schema.path("database").asText()).isEqualTo("fresh");
        assertThat(schema.path("type").asText()).isEqualTo("QUERY");
        assertThat(schema.has("_tidb")).isFalse();
        for (DdlType type : DdlType.values()) {
            assertThat(CanalDdlTypes.of(type)).isIn("CREATE", "RENAME", "CINDEX", "DINDEX", "ALTER", "ERASE",
                    "TRUNCATE", "QUERY");
        }
        assertThat(CanalDdlTypes.of(DdlType.DROP_TABLE)).isEqualTo("ERASE");
        JsonNode watermark = tree(TIDB.watermark(COMMIT_TS).orElseThrow());
        assertThat(watermark.path("type").asText()).isEqualTo("TIDB_WATERMARK");
        assertThat(watermark.path("es").asLong()).isEqualTo(ES);
        assertThat(watermark.path("_tidb").path("watermarkTs").asLong()).isEqualTo(COMMIT_TS);
        assertThat(PLAIN.watermark(COMMIT_TS)).isEmpty();
    }
}
