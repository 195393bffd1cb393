package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.math.BigInteger;

/** BIGINT UNSIGNED: arrives as a signed long (max is -1) and leaves as a BigInteger up to 2^64-1. */
public final class UnsignedBigintDecoder implements CellDecoder {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Override
    public Object decode(Serializable raw) {
        long value = ((Number) raw).longValue();
        BigInteger big = BigInteger.valueOf(value);
        return value >= 0 ? big : big.add(TWO_TO_64);
    }
}
