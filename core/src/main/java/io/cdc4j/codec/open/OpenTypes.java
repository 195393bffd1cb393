package io.cdc4j.codec.open;

import io.cdc4j.codec.MySqlColumnType;
import java.util.Map;

/**
 * TiDB's type codes (open-protocol's {@code t}) of MySQL's type names, and back: taken from the column definition, as
 * a binlog reports ENUM and SET as strings and every TEXT and BLOB as one type.
 */
final class OpenTypes {
    private static final Map<String, Integer> CODES = Map.ofEntries(Map.entry("tinyint", 1),
            Map.entry("smallint", 2), Map.entry("int", 3), Map.entry("float", 4), Map.entry("double", 5),
            Map.entry("timestamp", 7), Map.entry("bigint", 8), Map.entry("mediumint", 9), Map.entry("date", 10),
            Map.entry("time", 11), Map.entry("datetime", 12), Map.entry("year", 13), Map.entry("varchar", 15),
            Map.entry("varbinary", 15), Map.entry("bit", 16), Map.entry("json", 245), Map.entry("decimal", 246),
            Map.entry("enum", 247), Map.entry("set", 248), Map.entry("tinytext", 249), Map.entry("tinyblob", 249),
            Map.entry("mediumtext", 250), Map.entry("mediumblob", 250), Map.entry("longtext", 251),
            Map.entry("longblob", 251), Map.entry("text", 252), Map.entry("blob", 252), Map.entry("char", 254),
            Map.entry("binary", 254), Map.entry("geometry", 255));

    private OpenTypes() {
    }

    /** The type code of a base type name; 252 (BLOB) for a type TiDB has no code of its own for. */
    static int code(String base) {
        return CODES.getOrDefault(base, 252);
    }

    /**
     * Whether TiDB gives the column the binary charset, which sets the binary flag: every type but the character
     * types with a charset (CHAR, VARCHAR, TEXT, ENUM, SET) declared with another charset.
     */
    static boolean binaryCharset(MySqlColumnType type) {
        return switch (type.base()) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> false;
            default -> true;
        };
    }

    /** Whether values of the type code are written as base64 (every TEXT and BLOB type). */
    static boolean base64(int code) {
        return code >= 249 && code <= 252;
    }

    /** Whether the type code is a CHAR/BINARY or VARCHAR/VARBINARY one. */
    static boolean string(int code) {
        return code == 15 || code == 253 || code == 254;
    }
}
