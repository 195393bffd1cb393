package io.cdc4j.codec.open;

import io.cdc4j.model.DdlType;

/** TiDB's DDL action codes, open-protocol's DDL {@code t}, for the kinds of DDL cdc4j tells apart. */
final class OpenDdlTypes {
    private OpenDdlTypes() {
    }

    /** The action code; an ALTER TABLE cdc4j does not tell apart is a modify column (12), anything else 0. */
    static int of(DdlType type) {
        return switch (type) {
            case CREATE_DATABASE -> 1;
            case DROP_DATABASE -> 2;
            case CREATE_TABLE -> 3;
            case DROP_TABLE -> 4;
            case ADD_COLUMN -> 5;
            case DROP_COLUMN -> 6;
            case CREATE_INDEX -> 7;
            case DROP_INDEX -> 8;
            case TRUNCATE_TABLE -> 11;
            case ALTER_TABLE -> 12;
            case RENAME_TABLE -> 14;
            case CREATE_VIEW, ALTER_VIEW -> 21;
            case DROP_VIEW -> 24;
            case ALTER_DATABASE -> 26;
            case OTHER -> 0;
        };
    }
}
