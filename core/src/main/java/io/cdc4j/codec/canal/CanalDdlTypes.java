package io.cdc4j.codec.canal;

import io.cdc4j.model.DdlType;

/** The {@code type} canal-json gives a DDL message, as TiCDC maps its DDL kinds to Canal's. */
final class CanalDdlTypes {
    private CanalDdlTypes() {
    }

    static String of(DdlType type) {
        return switch (type) {
            case CREATE_TABLE -> "CREATE";
            case RENAME_TABLE -> "RENAME";
            case CREATE_INDEX -> "CINDEX";
            case DROP_INDEX -> "DINDEX";
            case ALTER_TABLE, ADD_COLUMN, DROP_COLUMN -> "ALTER";
            case DROP_TABLE -> "ERASE";
            case TRUNCATE_TABLE -> "TRUNCATE";
            case CREATE_DATABASE, DROP_DATABASE, ALTER_DATABASE, CREATE_VIEW, ALTER_VIEW, DROP_VIEW, OTHER -> "QUERY";
        };
    }
}
