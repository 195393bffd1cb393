package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads a TABLE_MAP event with full row metadata (binlog_row_metadata=FULL) into a {@link DecodedTable}:
 * column names, types, signedness, charsets and collations, ENUM/SET elements and the primary key; with the
 * {@link ColumnHints} from information_schema, which columns are generated and the unique indexes.
 */
public final class TableMapInterpreter {
    private final CollationCharsets collations;

    /** An interpreter resolving charsets with the upstream's collation table. */
    public TableMapInterpreter(CollationCharsets collations) {
        this.collations = collations;
    }

    /** The decoded shape of the table the event maps, with cdc4j's id for it. */
    public DecodedTable interpret(TableMapEventData map, long tableId, ColumnHints hints) {
        TableName name = new TableName(map.getDatabase(), map.getTable());
        TableMapEventMetadata meta = map.getEventMetadata();
        if (meta == null || meta.getColumnNames() == null || meta.getColumnNames().isEmpty()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the TABLE_MAP event of " + name
                    + " has no column names: set binlog_row_metadata=FULL on the upstream");
        }
        byte[] types = map.getColumnTypes();
        int[] metadata = map.getColumnMetadata();
        BitSet nullability = map.getColumnNullability();
        List<String> names = meta.getColumnNames();
        if (hints.checked()) {
            SchemaCheck.agree(name, names, primaryKey(meta), hints.schema().orElseThrow());
        }
        BitSet unsignedBits = meta.getSignedness() == null ? new BitSet() : meta.getSignedness();
        int[] charsetOfTextColumn = textColumnCollations(meta, types, metadata);
        List<String[]> enumValues = meta.getEnumStrValues() == null ? List.of() : meta.getEnumStrValues();
        List<String[]> setValues = meta.getSetStrValues() == null ? List.of() : meta.getSetStrValues();

        List<ColumnInfo> columns = new ArrayList<>(types.length);
        CellDecoder[] decoders = new CellDecoder[types.length];
        int numericIndex = 0;
        int textIndex = 0;
        int enumIndex = 0;
        int setIndex = 0;
        for (int i = 0; i < types.length; i++) {
            int code = realTypeCode(types[i] & 0xFF, metadata[i]);
            ColumnType type = ColumnType.byCode(code);
            String column = names.get(i);
            boolean nullable = nullability.get(i);
            boolean unsigned = false;
            if (isNumeric(type)) {
                unsigned = unsignedBits.get(numericIndex++);
            }
            Optional<String> charset = Optional.empty();
            Optional<String> collationName = Optional.empty();
            int collation = CollationCharsets.BINARY_COLLATION;
            if (isText(type)) {
                collation = charsetOfTextColumn[textIndex++];
                if (collation != CollationCharsets.BINARY_COLLATION) {
                    int id = collation;
                    charset = Optional.of(collations.charsetName(collation).orElseThrow(() -> new CdcException(
                            ErrorCode.UPSTREAM_BINLOG_READ, "unknown collation id " + id + " of column " + column
                            + " in " + name)));
                    collationName = collations.collationName(collation);
                }
            }
            List<String> elements = List.of();
            io.cdc4j.model.ColumnType ourType;
            CellDecoder decoder;
            switch (type) {
                case TINY -> {
                    ourType = io.cdc4j.model.ColumnType.TINYINT;
                    decoder = unsigned ? new UnsignedIntegerDecoder(8) : new SignedIntegerDecoder();
                }
                case SHORT -> {
                    ourType = io.cdc4j.model.ColumnType.SMALLINT;
                    decoder = unsigned ? new UnsignedIntegerDecoder(16) : new SignedIntegerDecoder();
                }
                case INT24 -> {
                    ourType = io.cdc4j.model.ColumnType.MEDIUMINT;
                    decoder = unsigned ? new UnsignedIntegerDecoder(24) : new SignedIntegerDecoder();
                }
                case LONG -> {
                    ourType = io.cdc4j.model.ColumnType.INT;
                    decoder = unsigned ? new UnsignedIntegerDecoder(32) : new SignedIntegerDecoder();
                }
                case LONGLONG -> {
                    ourType = io.cdc4j.model.ColumnType.BIGINT;
                    decoder = unsigned ? new UnsignedBigintDecoder() : new SignedIntegerDecoder();
                }
                case NEWDECIMAL, DECIMAL -> {
                    ourType = io.cdc4j.model.ColumnType.DECIMAL;
                    decoder = new PassThroughDecoder();
                }
                case FLOAT -> {
                    ourType = io.cdc4j.model.ColumnType.FLOAT;
                    decoder = new PassThroughDecoder();
                }
                case DOUBLE -> {
                    ourType = io.cdc4j.model.ColumnType.DOUBLE;
                    decoder = new PassThroughDecoder();
                }
                case BIT -> {
                    ourType = io.cdc4j.model.ColumnType.BIT;
                    decoder = new BitDecoder();
                }
                case DATE, NEWDATE -> {
                    ourType = io.cdc4j.model.ColumnType.DATE;
                    decoder = new PassThroughDecoder();
                }
                case TIME, TIME_V2 -> {
                    ourType = io.cdc4j.model.ColumnType.TIME;
                    decoder = new PassThroughDecoder();
                }
                case DATETIME, DATETIME_V2 -> {
                    ourType = io.cdc4j.model.ColumnType.DATETIME;
                    decoder = new PassThroughDecoder();
                }
                case TIMESTAMP, TIMESTAMP_V2 -> {
                    ourType = io.cdc4j.model.ColumnType.TIMESTAMP;
                    decoder = new TimestampDecoder();
                }
                case YEAR -> {
                    ourType = io.cdc4j.model.ColumnType.YEAR;
                    decoder = new PassThroughDecoder();
                }
                case STRING -> {
                    if (collation == CollationCharsets.BINARY_COLLATION) {
                        ourType = io.cdc4j.model.ColumnType.BINARY;
                        decoder = new FixedBinaryDecoder(stringLength(metadata[i]));
                    } else {
                        ourType = io.cdc4j.model.ColumnType.CHAR;
                        decoder = textDecoder(charset);
                    }
                }
                case VARCHAR, VAR_STRING -> {
                    boolean binary = collation == CollationCharsets.BINARY_COLLATION;
                    ourType = binary ? io.cdc4j.model.ColumnType.VARBINARY : io.cdc4j.model.ColumnType.VARCHAR;
                    decoder = binary ? new BytesDecoder() : textDecoder(charset);
                }
                case BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> {
                    if (collation == CollationCharsets.BINARY_COLLATION) {
                        ourType = io.cdc4j.model.ColumnType.BLOB;
                        decoder = new BytesDecoder();
                    } else {
                        ourType = hints.isJson(column) ? io.cdc4j.model.ColumnType.JSON : io.cdc4j.model.ColumnType.TEXT;
                        decoder = textDecoder(charset);
                    }
                }
                case JSON -> {
                    ourType = io.cdc4j.model.ColumnType.JSON;
                    decoder = new MysqlJsonDecoder();
                    charset = Optional.of("utf8mb4");
                }
                case ENUM -> {
                    ourType = io.cdc4j.model.ColumnType.ENUM;
                    elements = Arrays.asList(enumValues.get(enumIndex++));
                    decoder = new EnumDecoder(elements);
                }
                case SET -> {
                    ourType = io.cdc4j.model.ColumnType.SET;
                    elements = Arrays.asList(setValues.get(setIndex++));
                    decoder = new SetDecoder(elements);
                }
                case GEOMETRY -> {
                    ourType = io.cdc4j.model.ColumnType.GEOMETRY;
                    decoder = new BytesDecoder();
                }
                case VECTOR -> {
                    ourType = io.cdc4j.model.ColumnType.VECTOR;
                    decoder = new BytesDecoder();
                }
                default -> throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ,
                        "column " + column + " of " + name + " has unsupported binlog type " + type);
            }
            columns.add(new ColumnInfo(column, ourType, unsigned, nullable, charset, elements, collationName,
                    hints.isGenerated(column)));
            decoders[i] = decoder;
        }
        List<Integer> primaryKey = primaryKey(meta);
        List<Integer> uniqueKey = uniqueKey(hints, names, nullability);
        return new DecodedTable(new TableInfo(tableId, name, columns, primaryKey, uniqueKey,
                uniqueIndexes(hints, names), hints.schema()), decoders);
    }

    private static CellDecoder textDecoder(Optional<String> charset) {
        return new TextDecoder(CollationCharsets.javaCharset(charset.orElse("binary")));
    }

    /** The type a STRING column really has: ENUM and SET hide in STRING's metadata. */
    private static int realTypeCode(int code, int meta) {
        if (code == ColumnType.STRING.getCode() && meta >= 256) {
            int realType = meta >> 8;
            if ((realType & 0x30) != 0x30) {
                return realType | 0x30;
            }
            return realType;
        }
        return code;
    }

    private static int stringLength(int meta) {
        if (meta < 256) {
            return meta;
        }
        int high = meta >> 8;
        return (meta & 0xFF) | (((high & 0x30) ^ 0x30) << 4);
    }

    private static boolean isNumeric(ColumnType type) {
        return switch (type) {
            case TINY, SHORT, INT24, LONG, LONGLONG, NEWDECIMAL, DECIMAL, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }

    /** The columns the server lists charsets for: CHAR/BINARY, VARCHAR/VARBINARY and TEXT/BLOB. */
    private static boolean isText(ColumnType type) {
        return switch (type) {
            case STRING, VARCHAR, VAR_STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> true;
            default -> false;
        };
    }

    private static int[] textColumnCollations(TableMapEventMetadata meta, byte[] types, int[] metadata) {
        int count = 0;
        for (int i = 0; i < types.length; i++) {
            if (isText(ColumnType.byCode(realTypeCode(types[i] & 0xFF, metadata[i])))) {
                count++;
            }
        }
        int[] collations = new int[count];
        if (meta.getColumnCharsets() != null && !meta.getColumnCharsets().isEmpty()) {
            List<Integer> listed = meta.getColumnCharsets();
            for (int i = 0; i < count && i < listed.size(); i++) {
                collations[i] = listed.get(i);
            }
        } else if (meta.getDefaultCharset() != null) {
            Arrays.fill(collations, meta.getDefaultCharset().getDefaultCharsetCollation());
            var exceptions = meta.getDefaultCharset().getCharsetCollations();
            if (exceptions != null) {
                exceptions.forEach((index, collation) -> {
                    if (index < collations.length) {
                        collations[index] = collation;
                    }
                });
            }
        } else if (count > 0) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE,
                    "the TABLE_MAP event has no charsets: set binlog_row_metadata=FULL on the upstream");
        }
        return collations;
    }

    static List<Integer> primaryKey(TableMapEventMetadata meta) {
        if (meta.getSimplePrimaryKeys() != null && !meta.getSimplePrimaryKeys().isEmpty()) {
            return List.copyOf(meta.getSimplePrimaryKeys());
        }
        if (meta.getPrimaryKeysWithPrefix() != null && !meta.getPrimaryKeysWithPrefix().isEmpty()) {
            return List.copyOf(meta.getPrimaryKeysWithPrefix().keySet());
        }
        return List.of();
    }

    private static List<Integer> uniqueKey(ColumnHints hints, List<String> names, BitSet nullability) {
        List<Integer> key = new ArrayList<>();
        for (String column : hints.uniqueKeyColumns()) {
            int index = position(names, column);
            if (index < 0 || nullability.get(index)) {
                return List.of();
            }
            key.add(index);
        }
        return key;
    }

    /**
     * The unique indexes of the hints whose columns are all in the row image. information_schema tells the table's
     * shape now, the binlog an older one: an index naming a column the image lacks is not one of the event's table.
     */
    private static List<TableInfo.UniqueIndex> uniqueIndexes(ColumnHints hints, List<String> names) {
        List<TableInfo.UniqueIndex> indexes = new ArrayList<>();
        for (ColumnHints.Index hint : hints.uniqueIndexes()) {
            List<Integer> columns = new ArrayList<>();
            for (String column : hint.columns()) {
                columns.add(position(names, column));
            }
            if (!columns.contains(-1)) {
                indexes.add(new TableInfo.UniqueIndex(columns, hint.prefixLengths()));
            }
        }
        return indexes;
    }

    private static int position(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
