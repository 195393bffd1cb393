package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** MySQL JSON: the server's binary JSON format rendered as JSON text by the library's JsonBinary. */
public final class MysqlJsonDecoder implements CellDecoder {
    @Override
    public Object decode(Serializable raw) {
        byte[] bytes = (byte[]) raw;
        if (bytes.length == 0) {
            return "null";
        }
        try {
            return JsonBinary.parseAsString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse a binary JSON value of " + bytes.length + " bytes", e);
        }
    }
}
