package io.cdc4j.consumer.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.consumer.Change;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.RowKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder against messages built here from the protocol's description, byte by byte. */
class OpenProtocolChangeDecoderTest {
    private final OpenProtocolChangeDecoder decoder = new OpenProtocolChangeDecoder();

    private static byte[] frame(boolean key, String... events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (key) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(1).array());
        }
        for (String event : events) {
            byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(8).putLong(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void aBatchOfRowsComesOutEventByEventWithTheirKeysAndKinds() {
        String id1 = "\"id\":{\"t\":3,\"h\":true,\"f\":11,\"v\":1}";
        String id2 = "\"id\":{\"t\":3,\"h\":true,\"f\":11,\"v\":2}";
        String id3 = "\"id\":{\"t\":3,\"h\":true,\"f\":11,\"v\":3}";
        List<Change> changes = decoder.decode(
                frame(true, "{\"ts\":7,\"scm\":\"s\",\"tbl\":\"t\",\"t\":1}",
                        "{\"ts\":7,\"scm\":\"s\",\"tbl\":\"t\",\"t\":1}",
                        "{\"ts\":8,\"scm\":\"s\",\"tbl\":\"t\",\"t\":1}"),
                frame(false, "{\"u\":{" + id1 + ",\"n\":{\"t\":15,\"f\":64,\"v\":\"a\"}}}",
                        "{\"u\":{" + id2 + ",\"n\":{\"t\":15,\"f\":64,\"v\":\"b\"}},"
                                + "\"p\":{" + id2 + ",\"n\":{\"t\":15,\"f\":64,\"v\":\"x\"}}}",
                        "{\"d\":{" + id3 + ",\"n\":{\"t\":15,\"f\":64,\"v\":null}}}"));

        assertThat(changes).hasSize(3);
        Change.Row insert = (Change.Row) changes.get(0);
        assertThat(insert.ts()).isEqualTo(7);
        assertThat(insert.kind()).isEqualTo(RowKind.INSERT);
        assertThat(insert.keyColumns()).containsExactly("id");
        assertThat(insert.columns()).containsExactly(new Change.Column("id", "int", "1"),
                new Change.Column("n", "varchar", "a"));
        assertThat(((Change.Row) changes.get(1)).kind()).isEqualTo(RowKind.UPDATE);
        assertThat(((Change.Row) changes.get(1)).columns()).contains(new Change.Column("n", "varchar", "b"));
        Change.Row delete = (Change.Row) changes.get(2);
        assertThat(delete.kind()).isEqualTo(RowKind.DELETE);
        assertThat(delete.columns()).contains(new Change.Column("n", "varchar", null));
    }

    @Test
    void aDdlAndAResolvedTsAreTheirOwnEvents() {
        assertThat(decoder.decode(frame(true, "{\"ts\":9,\"scm\":\"s\",\"tbl\":\"t\",\"t\":2}"),
                frame(false, "{\"q\":\"ALTER TABLE t ADD c INT\",\"t\":5}")))
                .containsExactly(new Change.Ddl(9, "s", "ALTER TABLE t ADD c INT"));
        assertThat(decoder.decode(frame(true, "{\"ts\":10,\"t\":3}"), new byte[8]))
                .containsExactly(new Change.Watermark(10));
    }

    @Test
    void valuesComeBackInTheConsumersTextForm() {
        String value = "{\"u\":{"
                + "\"bu\":{\"t\":8,\"f\":193,\"v\":18446744073709551615},"
                + "\"f\":{\"t\":4,\"f\":65,\"v\":153.123},"
                + "\"tiny\":{\"t\":4,\"f\":65,\"v\":1e-7},"
                + "\"vb\":{\"t\":15,\"f\":65,\"v\":\"\\\\x01\\\\x02\\\\a\\\\b\\\\t\\\\nA\\\\\\\\\"},"
                + "\"tt\":{\"t\":249,\"f\":64,\"v\":\"5rWL6K+V\"},"
                + "\"bl\":{\"t\":252,\"f\":65,\"v\":\"/wA=\"},"
                + "\"e\":{\"t\":247,\"f\":64,\"v\":2},"
                + "\"bits\":{\"t\":16,\"f\":193,\"v\":81},"
                + "\"d\":{\"t\":246,\"f\":65,\"v\":\"1.50\"},"
                + "\"j\":{\"t\":245,\"f\":65,\"v\":\"{\\\"k\\\": 1}\"}}}";
        Change.Row row = (Change.Row) decoder.decode(frame(true, "{\"ts\":1,\"scm\":\"s\",\"tbl\":\"t\",\"t\":1}"),
                frame(false, value)).getFirst();

        assertThat(row.keyColumns()).as("no handle key flagged").isEmpty();
        assertThat(row.columns()).containsExactly(
                new Change.Column("bu", "bigint unsigned", "18446744073709551615"),
                new Change.Column("f", "float", "153.123"),
                new Change.Column("tiny", "float", "0.0000001"),
                new Change.Column("vb", "varbinary", "\u0001\u0002\u0007\b\t\nA\\"),
                new Change.Column("tt", "tinytext", "测试"),
                new Change.Column("bl", "blob", "\u00ff\u0000"),
                new Change.Column("e", "enum", "2"),
                new Change.Column("bits", "bit", "81"),
                new Change.Column("d", "decimal", "1.50"),
                new Change.Column("j", "json", "{\"k\": 1}"));
    }

    @Test
    void anythingElseIsRefusedNamingWhatIsWrong() {
        assertRefused(new byte[] {0, 0, 0}, new byte[0], "shorter than the version header");
        assertRefused(ByteBuffer.allocate(8).putLong(2).array(), new byte[0], "version 2");
        assertRefused(frame(true, "{\"ts\":1,\"t\":1}"), new byte[0], "ends inside an event's length");
        assertRefused(frame(true, "{\"ts\":1,\"t\":9}"), frame(false, "{}"), "unknown event type t=9");
        assertRefused(frame(true, "{\"ts\":1,\"t\":1}"), frame(false, "{\"x\":{}}"), "neither u nor d");
        assertRefused(frame(true, "{\"ts\":1,\"t\":1}"), frame(false, "{\"u\":{\"c\":{\"t\":99,\"v\":1}}}"),
                "unknown column type t=99");
        assertRefused(frame(true, "not json"), frame(false, "{}"), "key is not JSON");
        assertRefused(frame(true, "{\"ts\":1,\"t\":3}"), frame(false, "", ""), "more events than its key");
    }

    private void assertRefused(byte[] key, byte[] value, String why) {
        assertThatThrownBy(() -> decoder.decode(key, value)).isInstanceOfSatisfying(CdcException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CODEC_DECODE)).hasMessageContaining(why);
    }
}
