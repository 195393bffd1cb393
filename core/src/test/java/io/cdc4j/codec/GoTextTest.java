package io.cdc4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoTextTest {
    @Test
    void bytesAreEscapedAsStrconvQuoteEscapesThem() {
        assertThat(GoText.quote(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .as("TiCDC's own example for a VARBINARY 0x0102030405060708090A")
                .isEqualTo("\\x01\\x02\\x03\\x04\\x05\\x06\\a\\b\\t\\n");
        assertThat(GoText.quote(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}))
                .isEqualTo("\\x89PNG\\r\\n\\x1a\\n");
        assertThat(GoText.quote("a\"b\\c".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\\\"b\\\\c");
        assertThat(GoText.quote("测试 é".getBytes(StandardCharsets.UTF_8))).as("printable UTF-8 as it is")
                .isEqualTo("测试 é");
        assertThat(GoText.quote(new byte[] {(byte) 0xE6, (byte) 0xB5})).as("a cut-off character byte by byte")
                .isEqualTo("\\xe6\\xb5");
        assertThat(GoText.quote("\u00a0\u200b".getBytes(StandardCharsets.UTF_8))).as("non-printable characters")
                .isEqualTo("\\u00a0\\u200b");
        assertThat(GoText.quote(new byte[] {0x7F, 0x0B, 0x0C})).isEqualTo("\\x7f\\v\\f");
    }

    @Test
    void floatsAreWrittenAsGosJsonWritesThem() {
        assertThat(GoText.jsonFloat(153.123f, true)).isEqualTo("153.123");
        assertThat(GoText.jsonFloat(153.123, false)).isEqualTo("153.123");
        assertThat(GoText.jsonFloat(1234567.5, false)).isEqualTo("1234567.5");
        assertThat(GoText.jsonFloat(100, false)).isEqualTo("100");
        assertThat(GoText.jsonFloat(1e20, false)).isEqualTo("100000000000000000000");
        assertThat(GoText.jsonFloat(1e21, false)).isEqualTo("1e+21");
        assertThat(GoText.jsonFloat(1.5e300, false)).isEqualTo("1.5e+300");
        assertThat(GoText.jsonFloat(0.000001, false)).isEqualTo("0.000001");
        assertThat(GoText.jsonFloat(1e-7, false)).isEqualTo("1e-7");
        assertThat(GoText.jsonFloat(-2.5e-10, false)).isEqualTo("-2.5e-10");
        assertThat(GoText.jsonFloat(0.1f, true)).as("a FLOAT's own shortest digits").isEqualTo("0.1");
        assertThat(GoText.jsonFloat(0, false)).isEqualTo("0");
        assertThat(GoText.jsonFloat(Double.NaN, false)).isEqualTo("0");
        assertThat(GoText.jsonFloat(Double.NEGATIVE_INFINITY, true)).isEqualTo("0");
    }
}
