package io.cdc4j.codec.open;

import io.cdc4j.codec.GoJsonText;
import io.cdc4j.codec.GoText;
import io.cdc4j.codec.MySqlColumnType;
import io.cdc4j.codec.TiCdcValues;
import io.cdc4j.model.ColumnInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;

/**
 * A column value as open-protocol's {@code v}: integers, FLOAT/DOUBLE (as Go's JSON writes them), BIT and the
 * ENUM index and SET bitmask as JSON numbers; DECIMAL, temporal values and JSON as strings; CHAR and VARCHAR as
 * strings, binary ones escaped as Go's {@code strconv.Quote} escapes them; every TEXT and BLOB type as base64.
 */
final class OpenValues {
    private final TiCdcValues text;

    OpenValues(ZoneId timeZone) {
        this.text = new TiCdcValues(timeZone);
    }

    /** Appends the non-NULL {@code value} of column {@code i} of {@code table}. */
    void append(StringBuilder json, OpenTable table, int i, Object value) {
        int code = table.typeCodes()[i];
        MySqlColumnType type = table.types().get(i);
        switch (value) {
            case Long number when type.base().equals("bit") -> json.append(Long.toUnsignedString(number));
            case Long number -> json.append(number.longValue());
            case Integer number -> json.append(number.intValue());
            case BigInteger number -> json.append(number);
            case BigDecimal number -> GoJsonText.quote(json, number.toPlainString());
            case Double number -> json.append(GoText.jsonFloat(number, false));
            case Float number -> json.append(GoText.jsonFloat(number, true));
            case String string when type.base().equals("enum") || type.base().equals("set") ->
                    json.append(text.text(column(table, i), type, string));
            case String string when OpenTypes.base64(code) -> GoJsonText.quote(json,
                    Base64.getEncoder().encodeToString(string.getBytes(StandardCharsets.UTF_8)));
            case String string -> GoJsonText.quote(json, string);
            case byte[] bytes when OpenTypes.base64(code) -> GoJsonText.quote(json,
                    Base64.getEncoder().encodeToString(bytes));
            case byte[] bytes when OpenTypes.string(code) && OpenTypes.binaryCharset(type) ->
                    GoJsonText.quote(json, GoText.quote(bytes));
            case byte[] bytes -> GoJsonText.quote(json, new String(bytes, StandardCharsets.UTF_8));
            default -> GoJsonText.quote(json, text.text(column(table, i), type, value));
        }
    }

    private static ColumnInfo column(OpenTable table, int i) {
        return table.columns().get(i);
    }
}
