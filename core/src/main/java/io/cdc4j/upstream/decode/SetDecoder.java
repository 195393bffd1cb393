package io.cdc4j.upstream.decode;

import java.io.Serializable;
import java.util.List;

/** SET: a bitmask over the element names from TABLE_MAP, rendered as MySQL does ("a,c"). */
public final class SetDecoder implements CellDecoder {
    private final String[] names;

    /** A decoder for a SET with these elements, in declaration order. */
    public SetDecoder(List<String> names) {
        this.names = names.toArray(String[]::new);
    }

    @Override
    public Object decode(Serializable raw) {
        long mask = ((Number) raw).longValue();
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < names.length; bit++) {
            if ((mask & (1L << bit)) != 0) {
                if (!text.isEmpty()) {
                    text.append(',');
                }
                text.append(names[bit]);
            }
        }
        return text.toString();
    }
}
