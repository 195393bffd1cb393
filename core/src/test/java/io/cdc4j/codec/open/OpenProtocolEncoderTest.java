package io.cdc4j.codec.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.codec.CodecOptions;
import io.cdc4j.codec.Message;
import io.cdc4j.config.SinkProtocol;
import io.cdc4j.consumer.open.OpenProtocolChangeDecoder;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The open-protocol encoder against what TiCDC writes: the expected values are those of TiCDC's own encoder test for
 * the same column types and values (flags, type codes, Go's escapes, base64 for TEXT and BLOB).
 */
class OpenProtocolEncoderTest {
    private static final byte[] TEN_BYTES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final OpenProtocolEncoder ENCODER = new OpenProtocolEncoder(options(16, true, false));

    private static CodecOptions options(int maxBatchSize, boolean oldValue, boolean onlyUpdated) {
        return new CodecOptions(SinkProtocol.OPEN_PROTOCOL, false, onlyUpdated, ZoneOffset.UTC, maxBatchSize,
                oldValue, false);
    }

    private static ColumnInfo column(String name, ColumnType type, boolean nullable, String charset,
                                     String... elements) {
        return new ColumnInfo(name, type, false, nullable, Optional.ofNullable(charset), List.of(elements));
    }

    private static final TableInfo SMALL = new TableInfo(1, new TableName("test", "t"), List.of(
            column("a", ColumnType.TINYINT, false, null), column("b", ColumnType.INT, true, null)), List.of(0),
            List.of(), List.of(), Optional.of(CreateTableReader.read(
                    "CREATE TABLE t (a TINYINT PRIMARY KEY, b INT)", "test")));

    @Test
    void everyTypeIsWrittenAsTiCdcWritesIt() {
        String create = "CREATE TABLE t (a TINYINT PRIMARY KEY, g INT, i FLOAT, k DOUBLE, m TIMESTAMP NULL, s DATE,"
                + " u TIME, w DATETIME, y YEAR, aa VARCHAR(10), ac VARBINARY(10), ae BIT(10), ag JSON,"
                + " ai DECIMAL(10,2), ak ENUM('a','b','c'), am SET('a','b','c'), ao TINYTEXT, aq TINYBLOB,"
                + " be CHAR(10), bg BINARY(10), bu BIGINT UNSIGNED)";
        List<ColumnInfo> columns = List.of(column("a", ColumnType.TINYINT, false, null),
                column("g", ColumnType.INT, true, null), column("i", ColumnType.FLOAT, true, null),
                column("k", ColumnType.DOUBLE, true, null), column("m", ColumnType.TIMESTAMP, true, null),
                column("s", ColumnType.DATE, true, null), column("u", ColumnType.TIME, true, null),
                column("w", ColumnType.DATETIME, true, null), column("y", ColumnType.YEAR, true, null),
                column("aa", ColumnType.VARCHAR, true, "utf8mb4"), column("ac", ColumnType.VARBINARY, true, null),
                column("ae", ColumnType.BIT, true, null), column("ag", ColumnType.JSON, true, "utf8mb4"),
                column("ai", ColumnType.DECIMAL, true, null),
                column("ak", ColumnType.ENUM, true, "utf8mb4", "a", "b", "c"),
                column("am", ColumnType.SET, true, "utf8mb4", "a", "b", "c"),
                column("ao", ColumnType.TEXT, true, "utf8mb4"), column("aq", ColumnType.BLOB, true, null),
                column("be", ColumnType.CHAR, true, "utf8mb4"), column("bg", ColumnType.BINARY, true, null),
                new ColumnInfo("bu", ColumnType.BIGINT, true, true, Optional.empty(), List.of()));
        TableInfo table = new TableInfo(2, new TableName("test", "t"), columns, List.of(0), List.of(), List.of(),
                Optional.of(CreateTableReader.read(create, "test")));
        RowImage row = new RowImage(new Object[] {1L, 123L, 153.123f, 153.123d, Instant.parse("1973-12-30T15:30:00Z"),
                LocalDate.of(2000, 1, 1), Duration.ofHours(23).plusMinutes(59).plusSeconds(59),
                LocalDateTime.of(2015, 12, 20, 23, 58, 58), 1970, "测试", TEN_BYTES, 81L, "{\"key1\": \"value1\"}",
                new BigDecimal("129012.12"), "a", "b", "5rWL6K+VdGV4dA==",
                new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}, "Alice", TEN_BYTES,
                new BigInteger("18446744073709551615")});

        Message message = ENCODER.row(new RowChange(RowKind.INSERT, table, 1, Optional.empty(), Optional.of(row)));

        assertThat(events(message.key(), true)).containsExactly("{\"ts\":1,\"scm\":\"test\",\"tbl\":\"t\",\"t\":1}");
        assertThat(events(message.value(), false)).containsExactly("{\"u\":{"
                + "\"a\":{\"t\":1,\"h\":true,\"f\":11,\"v\":1},"
                + "\"aa\":{\"t\":15,\"f\":64,\"v\":\"测试\"},"
                + "\"ac\":{\"t\":15,\"f\":65,\"v\":\"\\\\x01\\\\x02\\\\x03\\\\x04\\\\x05\\\\x06\\\\a\\\\b\\\\t\\\\n\"},"
                + "\"ae\":{\"t\":16,\"f\":193,\"v\":81},"
                + "\"ag\":{\"t\":245,\"f\":65,\"v\":\"{\\\"key1\\\": \\\"value1\\\"}\"},"
                + "\"ai\":{\"t\":246,\"f\":65,\"v\":\"129012.12\"},"
                + "\"ak\":{\"t\":247,\"f\":64,\"v\":1},"
                + "\"am\":{\"t\":248,\"f\":64,\"v\":2},"
                + "\"ao\":{\"t\":249,\"f\":64,\"v\":\"NXJXTDZLK1ZkR1Y0ZEE9PQ==\"},"
                + "\"aq\":{\"t\":249,\"f\":65,\"v\":\"iVBORw0KGgo=\"},"
                + "\"be\":{\"t\":254,\"f\":64,\"v\":\"Alice\"},"
                + "\"bg\":{\"t\":254,\"f\":65,\"v\":\"\\\\x01\\\\x02\\\\x03\\\\x04\\\\x05\\\\x06"
                + "\\\\a\\\\b\\\\t\\\\n\"},"
                + "\"bu\":{\"t\":8,\"f\":193,\"v\":18446744073709551615},"
                + "\"g\":{\"t\":3,\"f\":65,\"v\":123},"
                + "\"i\":{\"t\":4,\"f\":65,\"v\":153.123},"
                + "\"k\":{\"t\":5,\"f\":65,\"v\":153.123},"
                + "\"m\":{\"t\":7,\"f\":65,\"v\":\"1973-12-30 15:30:00\"},"
                + "\"s\":{\"t\":10,\"f\":65,\"v\":\"2000-01-01\"},"
                + "\"u\":{\"t\":11,\"f\":65,\"v\":\"23:59:59\"},"
                + "\"w\":{\"t\":12,\"f\":65,\"v\":\"2015-12-20 23:58:58\"},"
                + "\"y\":{\"t\":13,\"f\":193,\"v\":1970}}}");
    }

    @Test
    void updatesCarryTheOldImageUnlessTurnedOffAndDeletesTheirRow() {
        RowChange update = new RowChange(RowKind.UPDATE, SMALL, 2, Optional.of(new RowImage(new Object[] {1L, 123L})),
                Optional.of(new RowImage(new Object[] {1L, 456L})));
        assertThat(events(ENCODER.row(update).value(), false)).containsExactly("{\"u\":{\"a\":{\"t\":1,\"h\":true,"
                + "\"f\":11,\"v\":1},\"b\":{\"t\":3,\"f\":65,\"v\":456}},\"p\":{\"a\":{\"t\":1,\"h\":true,\"f\":11,"
                + "\"v\":1},\"b\":{\"t\":3,\"f\":65,\"v\":123}}}");
        assertThat(events(new OpenProtocolEncoder(options(16, true, true)).row(update).value(), false))
                .as("only the updated columns in p").containsExactly("{\"u\":{\"a\":{\"t\":1,\"h\":true,\"f\":11,"
                        + "\"v\":1},\"b\":{\"t\":3,\"f\":65,\"v\":456}},\"p\":{\"b\":{\"t\":3,\"f\":65,\"v\":123}}}");
        assertThat(events(new OpenProtocolEncoder(options(16, false, false)).row(update).value(), false))
                .as("sink.open.output_old_value = false").containsExactly("{\"u\":{\"a\":{\"t\":1,\"h\":true,"
                        + "\"f\":11,\"v\":1},\"b\":{\"t\":3,\"f\":65,\"v\":456}}}");
        RowChange delete = new RowChange(RowKind.DELETE, SMALL, 3, Optional.of(new RowImage(new Object[] {1L, null})),
                Optional.empty());
        assertThat(events(ENCODER.row(delete).value(), false)).containsExactly("{\"d\":{\"a\":{\"t\":1,\"h\":true,"
                + "\"f\":11,\"v\":1},\"b\":{\"t\":3,\"f\":65,\"v\":null}}}");
        OpenProtocolEncoder keysOnly = new OpenProtocolEncoder(new CodecOptions(SinkProtocol.OPEN_PROTOCOL, false,
                false, ZoneOffset.UTC, 16, true, true));
        assertThat(events(keysOnly.row(delete).value(), false)).as("delete_only_output_handle_key_columns")
                .containsExactly("{\"d\":{\"a\":{\"t\":1,\"h\":true,\"f\":11,\"v\":1}}}");
        assertThat(events(keysOnly.row(update).value(), false).getFirst()).as("updates keep every column")
                .contains("\"b\":{\"t\":3,\"f\":65,\"v\":456}");
        Message large = ENCODER.rowHandleKeyOnly(update).orElseThrow();
        assertThat(events(large.key(), true)).as("handle-key-only marks the key")
                .containsExactly("{\"ts\":2,\"scm\":\"test\",\"tbl\":\"t\",\"t\":1,\"ohk\":true}");
        assertThat(events(large.value(), false)).containsExactly("{\"u\":{\"a\":{\"t\":1,\"h\":true,\"f\":11,"
                + "\"v\":1}},\"p\":{\"a\":{\"t\":1,\"h\":true,\"f\":11,\"v\":1}}}");
        assertThatThrownBy(() -> new OpenProtocolChangeDecoder().decode(large.key(),
                large.value())).hasMessageContaining("handle key alone");
    }

    @Test
    void aDdlAndAResolvedTsAreSingleEventsAndGoToEveryPartition() {
        Message ddl = ENCODER.ddl(new DdlEvent("test", List.of(new TableName("test", "t")), DdlType.CREATE_TABLE,
                "create table test.t(a tinyint primary key, b int)", 1));
        assertThat(events(ddl.key(), true)).containsExactly("{\"ts\":1,\"scm\":\"test\",\"tbl\":\"t\",\"t\":2}");
        assertThat(events(ddl.value(), false))
                .containsExactly("{\"q\":\"create table test.t(a tinyint primary key, b int)\",\"t\":3}");
        Message schemaDdl = ENCODER.ddl(new DdlEvent("shop", List.of(), DdlType.CREATE_DATABASE,
                "CREATE DATABASE shop", 2));
        assertThat(events(schemaDdl.key(), true)).containsExactly("{\"ts\":2,\"scm\":\"shop\",\"t\":2}");
        Message resolved = ENCODER.watermark(12345678).orElseThrow();
        assertThat(events(resolved.key(), true)).containsExactly("{\"ts\":12345678,\"t\":3}");
        assertThat(resolved.value()).as("one empty event value: its length, 0").isEqualTo(new byte[8]);
        assertThat(ENCODER.ddlToEveryPartition()).isTrue();
    }

    @Test
    void rowsToOnePartitionAreBatchedUpToTheBatchSizeAndTheMessageLimit() {
        List<Message> rows = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            rows.add(ENCODER.row(new RowChange(RowKind.INSERT, SMALL, 10 + id, Optional.empty(),
                    Optional.of(new RowImage(new Object[] {id, id * 100})))));
        }
        List<Message> batches = new OpenProtocolEncoder(options(2, true, false)).batch(rows, 1 << 20);
        assertThat(batches).extracting(Message::events).containsExactly(2, 2, 1);
        assertThat(events(batches.getFirst().key(), true)).containsExactly(
                "{\"ts\":11,\"scm\":\"test\",\"tbl\":\"t\",\"t\":1}",
                "{\"ts\":12,\"scm\":\"test\",\"tbl\":\"t\",\"t\":1}");
        assertThat(events(batches.getFirst().value(), false)).hasSize(2).last().asString().contains("\"v\":200");

        int oneRow = rows.getFirst().size();
        List<Message> bySize = ENCODER.batch(rows, oneRow * 2 + 10);
        assertThat(bySize).extracting(Message::events).containsExactly(2, 2, 1);
        assertThat(bySize).allMatch(message -> message.size() <= oneRow * 2 + 10);
        assertThat(ENCODER.batch(rows, 1 << 20)).extracting(Message::events).containsExactly(5);
    }

    /** The events of a framed key (after its version, which must be 1) or value, as text. */
    private static List<String> events(byte[] framed, boolean key) {
        ByteBuffer buffer = ByteBuffer.wrap(framed);
        if (key) {
            assertThat(buffer.getLong()).isEqualTo(1L);
        }
        List<String> events = new ArrayList<>();
        while (buffer.hasRemaining()) {
            byte[] event = new byte[(int) buffer.getLong()];
            buffer.get(event);
            events.add(new String(event, StandardCharsets.UTF_8));
        }
        return events;
    }
}
