package io.cdc4j.upstream.decode;

import java.io.Serializable;

/**
 * Types the binlog library already decodes exactly: DECIMAL (BigDecimal), FLOAT, DOUBLE, and the
 * temporal values {@link TemporalCells} produces for DATE, TIME, DATETIME and YEAR.
 */
public final class PassThroughDecoder implements CellDecoder {
    @Override
    public Object decode(Serializable raw) {
        return raw;
    }
}
