package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads a WRITE/UPDATE/DELETE rows event (any version) on the binlog thread without decoding a cell: it keeps the
 * body's bytes and its table id, for {@link RowsDecoder} to decode later, on whichever thread claims it.
 */
public final class RowsEventFramer implements EventDataDeserializer<RowsEventBytes> {
    private static final int TABLE_ID_BYTES = 6;

    @Override
    public RowsEventBytes deserialize(ByteArrayInputStream in) throws IOException {
        byte[] body = in.read(in.available());
        if (body.length < TABLE_ID_BYTES) {
            throw new IOException("a rows event of " + body.length + " bytes, too short for its table id");
        }
        return new RowsEventBytes(RowsEventBytes.tableIdOf(body), body);
    }
}
