package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.XAPrepareEventData;
import org.junit.jupiter.api.Test;

/** XA ids read from XA_PREPARE events and from the XA statements the server writes match each other. */
class XaIdTest {
    @Test
    void thePrepareEventAndTheCommitStatementNameTheSameId() {
        XAPrepareEventData data = new XAPrepareEventData();
        data.setData(new byte[] {103, 116, 98, 113});
        data.setGtridLength(2);
        data.setBqualLength(2);
        data.setFormatID(7);
        assertThat(XaId.of(data)).isEqualTo(XaId.parse("XA COMMIT X'6774',X'6271',7").orElseThrow())
                .isEqualTo(XaId.parse("XA ROLLBACK 'gt','bq',7").orElseThrow())
                .isEqualTo(XaId.parse("xa commit 0x6774, 0x6271, 7").orElseThrow());
        assertThat(XaId.parse("XA COMMIT X'6774',X'6271',7").orElseThrow().toString()).isEqualTo("X'6774',X'6271',7");
    }

    @Test
    void theDefaultsAreAnEmptyBqualAndFormatOne() {
        assertThat(XaId.parse("XA END X'7831'")).contains(new XaId("7831", "", 1));
        assertThat(XaId.parse("XA COMMIT X'7831',X'',1")).contains(new XaId("7831", "", 1));
        assertThat(XaId.parse("XA COMMIT X'7831',X'7832'")).contains(new XaId("7831", "7832", 1));
    }

    @Test
    void statementsWithoutAnIdHaveNone() {
        assertThat(XaId.parse("XA COMMIT")).isEmpty();
        assertThat(XaId.parse("COMMIT")).isEmpty();
        assertThat(XaId.parse("XA COMMIT X'78',")).isEmpty();
    }
}
