package io.cdc4j.codec;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnSchema;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.TableInfo;
import java.math.BigInteger;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's MySQL type as TiCDC's encoders name it: the base type name ({@code int}, {@code varchar},
 * {@code mediumtext}, {@code varbinary}, {@code json} ...) with its {@code unsigned}/{@code zerofill} attributes and
 * fractional-second precision, and its {@link Types java.sql.Types} code. Taken from the table version's type text
 * when the row carries one (it tells TINYTEXT from TEXT, and MariaDB's JSON from LONGTEXT), else from the binlog's
 * type family.
 *
 * @param base the base type name, lower case
 * @param unsigned whether the column is UNSIGNED
 * @param zerofill whether the column is ZEROFILL
 * @param fsp the fractional-second digits of a temporal column (0 to 6)
 * @param binary whether a string or blob column holds bytes (binary charset)
 */
public record MySqlColumnType(String base, boolean unsigned, boolean zerofill, int fsp, boolean binary) {
    private static final Pattern TYPE = Pattern.compile("^([a-z]+(?: precision| varying)?)\\s*(?:\\(([^)]*)\\))?(.*)$");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("integer", "int"),
            Map.entry("bool", "tinyint"), Map.entry("boolean", "tinyint"), Map.entry("dec", "decimal"),
            Map.entry("numeric", "decimal"), Map.entry("fixed", "decimal"), Map.entry("real", "double"),
            Map.entry("double precision", "double"), Map.entry("character varying", "varchar"),
            Map.entry("character", "char"), Map.entry("int1", "tinyint"), Map.entry("int2", "smallint"),
            Map.entry("int3", "mediumint"), Map.entry("int4", "int"), Map.entry("int8", "bigint"),
            Map.entry("middleint", "mediumint"), Map.entry("long", "mediumtext"));
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The type of a column of {@code table}, from the table version the row carries when it has one. */
    public static MySqlColumnType of(TableInfo table, ColumnInfo column) {
        return of(column, table.schema().flatMap(version -> version.column(column.name())));
    }

    /** The type of {@code column}, from {@code schema} (the table version's column) when there is one. */
    public static MySqlColumnType of(ColumnInfo column, Optional<ColumnSchema> schema) {
        boolean binaryCharset = column.charset().map("binary"::equalsIgnoreCase).orElse(!column.type().isText());
        if (schema.isPresent()) {
            ColumnSchema definition = schema.get();
            Matcher type = TYPE.matcher(definition.typeText().toLowerCase(Locale.ROOT).trim());
            if (type.matches()) {
                String base = SYNONYMS.getOrDefault(type.group(1), type.group(1));
                String attributes = type.group(3);
                if (definition.json() || base.equals("json")) {
                    return new MySqlColumnType("json", false, false, 0, false);
                }
                if (base.equals("serial")) {
                    return new MySqlColumnType("bigint", true, false, 0, false);
                }
                boolean binaryText = binaryCharset && isCharacterType(column.type());
                base = binaryText ? binaryName(base) : base;
                return new MySqlColumnType(base, attributes.contains("unsigned") || column.unsigned(),
                        attributes.contains("zerofill"), fsp(base, type.group(2)), binaryCharset
                        && !base.equals("enum") && !base.equals("set"));
            }
        }
        return fromFamily(column, binaryCharset);
    }

    private static MySqlColumnType fromFamily(ColumnInfo column, boolean binaryCharset) {
        String base = switch (column.type()) {
            case CHAR -> binaryCharset ? "binary" : "char";
            case VARCHAR -> binaryCharset ? "varbinary" : "varchar";
            case TEXT -> binaryCharset ? "blob" : "text";
            default -> column.type().name().toLowerCase(Locale.ROOT);
        };
        boolean temporal = switch (column.type()) {
            case TIME, DATETIME, TIMESTAMP -> true;
            default -> false;
        };
        boolean bytes = switch (column.type()) {
            case BINARY, VARBINARY, BLOB, GEOMETRY, VECTOR -> true;
            case CHAR, VARCHAR, TEXT -> binaryCharset;
            default -> false;
        };
        return new MySqlColumnType(base, column.unsigned(), false, temporal ? 6 : 0, bytes);
    }

    private static boolean isCharacterType(ColumnType type) {
        return type == ColumnType.CHAR || type == ColumnType.VARCHAR || type == ColumnType.TEXT;
    }

    /** What MySQL calls a character type declared with the binary charset. */
    private static String binaryName(String base) {
        return switch (base) {
            case "char" -> "binary";
            case "varchar" -> "varbinary";
            case "tinytext" -> "tinyblob";
            case "text" -> "blob";
            case "mediumtext" -> "mediumblob";
            case "longtext" -> "longblob";
            default -> base;
        };
    }

    private static int fsp(String base, String arguments) {
        if (!base.equals("time") && !base.equals("datetime") && !base.equals("timestamp")) {
            return 0;
        }
        if (arguments == null || arguments.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(6, Integer.parseInt(arguments.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The name canal-json's {@code mysqlType} shows: the base name with {@code unsigned} and {@code zerofill}. */
    public String canalName() {
        StringBuilder name = new StringBuilder(base);
        if (unsigned && !base.equals("bit") && !base.equals("year")) {
            name.append(" unsigned");
        }
        if (zerofill && !base.equals("year")) {
            name.append(" zerofill");
        }
        return name.toString();
    }

    /**
     * The {@link Types} code canal-json's {@code sqlType} shows for a value of this type: an unsigned integer whose
     * value does not fit the signed type is promoted, as TiCDC promotes it.
     */
    public int sqlType(Object value) {
        return switch (base) {
            case "tinyint" -> unsigned && value instanceof Long v && v > Byte.MAX_VALUE ? Types.SMALLINT
                    : Types.TINYINT;
            case "smallint" -> unsigned && value instanceof Long v && v > Short.MAX_VALUE ? Types.INTEGER
                    : Types.SMALLINT;
            case "mediumint" -> Types.INTEGER;
            case "int" -> unsigned && value instanceof Long v && v > Integer.MAX_VALUE ? Types.BIGINT : Types.INTEGER;
            case "bigint" -> unsigned && value instanceof BigInteger v && v.compareTo(LONG_MAX) > 0 ? Types.DECIMAL
                    : Types.BIGINT;
            case "float" -> Types.REAL;
            case "double" -> Types.DOUBLE;
            case "decimal" -> Types.DECIMAL;
            case "char" -> Types.CHAR;
            case "varchar", "year", "json" -> Types.VARCHAR;
            case "date" -> Types.DATE;
            case "time" -> Types.TIME;
            case "datetime", "timestamp" -> Types.TIMESTAMP;
            case "enum" -> Types.INTEGER;
            case "set", "bit" -> Types.BIT;
            case "tinytext", "text", "mediumtext", "longtext" -> Types.CLOB;
            default -> Types.BLOB;
        };
    }
}
