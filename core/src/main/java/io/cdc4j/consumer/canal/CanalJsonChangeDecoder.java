package io.cdc4j.consumer.canal;

import io.cdc4j.consumer.Change;
import io.cdc4j.consumer.ChangeDecoder;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads canal-json messages as {@link Change}s. The consumer needs the TiDB extension: without it a message carries
 * neither its commit ts nor watermarks, so nothing could be put in commit order.
 */
public final class CanalJsonChangeDecoder implements ChangeDecoder {
    @Override
    public List<Change> decode(byte[] key, byte[] value) {
        return List.of(switch (CanalJsonDecoder.decode(value)) {
            case CanalJsonMessage.Watermark mark -> new Change.Watermark(mark.ts());
            case CanalJsonMessage.Ddl ddl -> new Change.Ddl(commitTs(ddl.commitTs()), ddl.schema(), ddl.query());
            case CanalJsonMessage.Row row when row.onlyHandleKey() ->
                    throw ChangeDecoder.handleKeyOnly(row.schema() + "." + row.table());
            case CanalJsonMessage.Row row -> new Change.Row(commitTs(row.commitTs()), row.schema(), row.table(),
                    RowKind.valueOf(row.type()), columns(row.data(), row.mysqlTypes()), row.pkNames());
        });
    }

    private static List<Change.Column> columns(Map<String, String> data, Map<String, String> types) {
        List<Change.Column> columns = new ArrayList<>(data.size());
        data.forEach((name, value) -> {
            String type = types.get(name);
            if (type == null) {
                throw new CdcException(ErrorCode.CODEC_DECODE, "not a canal-json message: the column " + name
                        + " has no mysqlType");
            }
            columns.add(new Change.Column(name, type, value));
        });
        return columns;
    }

    private static long commitTs(Optional<Long> commitTs) {
        return commitTs.orElseThrow(() -> new CdcException(ErrorCode.CODEC_DECODE, "a canal-json message without"
                + " _tidb.commitTs: the changefeed must write with enable-tidb-extension=true for the consumer to"
                + " order its changes"));
    }
}
