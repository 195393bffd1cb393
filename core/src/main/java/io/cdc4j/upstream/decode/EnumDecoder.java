package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.util.List;

/** ENUM: a 1-based index into the element names from TABLE_MAP; index 0 is MySQL's '' error value. */
public final class EnumDecoder implements CellDecoder {
    private final String[] names;

    /** A decoder for an ENUM with these elements, in declaration order. */
    public EnumDecoder(List<String> names) {
        this.names = names.toArray(String[]::new);
    }

    @Override
    public Object decode(Serializable raw) {
        int index = ((Number) raw).intValue();
        if (index == 0) {
            return "";
        }
        if (index < 0 || index > names.length) {
            throw new IllegalArgumentException("ENUM index " + index + " outside 1.." + names.length);
        }
        return names[index - 1];
    }
}
