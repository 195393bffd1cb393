package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Reads the rows of a framed rows event straight from its bytes, with the cell layout the binlog library reads:
 * {@link #rowStarts} finds where each row starts without decoding a cell (the binlog thread counts and cuts
 * events with it), and {@link #decode} turns each cell into cdc4j's final value (no stream, no
 * {@code Serializable[]} per row, text decoded to a string from the event's own bytes), handing it to its column's
 * {@link CellDecoder} in the form the library would have. Built once per TABLE_MAP; keeps no state between calls,
 * so any thread may use it.
 */
public final class BinlogRowReader {
    private static final int TINY = 1;
    private static final int SHORT = 2;
    private static final int INT24 = 3;
    private static final int LONG = 4;
    private static final int LONGLONG = 5;
    private static final int FLOAT = 6;
    private static final int DOUBLE = 7;
    private static final int DECIMAL = 8;
    private static final int DATE = 9;
    private static final int TIME = 10;
    private static final int TIME2 = 11;
    private static final int DATETIME = 12;
    private static final int DATETIME2 = 13;
    private static final int TIMESTAMP = 14;
    private static final int TIMESTAMP2 = 15;
    private static final int YEAR = 16;
    private static final int BYTES = 17;
    private static final int ENUM = 18;
    private static final int SET = 19;
    private static final int BIT = 20;
    private static final int UNSUPPORTED = 0;
    private static final int[] DIGITS_TO_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
    private static final long[] POWERS_OF_100 = {1, 100, 10_000, 1_000_000};

    private final int columns;
    private final int[] ops;
    /** For BYTES the length prefix's size; for fixed cells their size; for DECIMAL precision. */
    private final int[] sizes;
    /** For DECIMAL the scale, for TIME2/DATETIME2/TIMESTAMP2 the fractional digits, for BIT the bits. */
    private final int[] params;
    private final CellDecoder[] decoders;
    private final String[] names;

    /** A reader of the rows of {@code map}, decoded into the values {@code table} defines. */
    public BinlogRowReader(TableMapEventData map, DecodedTable table) {
        byte[] types = map.getColumnTypes();
        int[] metadata = map.getColumnMetadata();
        this.columns = types.length;
        this.ops = new int[columns];
        this.sizes = new int[columns];
        this.params = new int[columns];
        this.decoders = table.decoders();
        this.names = new String[columns];
        for (int i = 0; i < columns; i++) {
            int type = types[i] & 0xFF;
            int meta = metadata[i];
            int length = 0;
            if (type == 254 && meta >= 256) {
                int high = meta >> 8;
                int low = meta & 0xFF;
                if ((high & 0x30) != 0x30) {
                    type = high | 0x30;
                    length = low | (((high & 0x30) ^ 0x30) << 4);
                } else {
                    if (high == 247 || high == 248) {
                        type = high;
                    }
                    length = low;
                }
            } else if (type == 254) {
                length = meta;
            }
            names[i] = table.info().columns().get(i).name() + " (binlog type " + type + ")";
            switch (type) {
                case 1 -> set(i, TINY, 1, 0);
                case 2 -> set(i, SHORT, 2, 0);
                case 9 -> set(i, INT24, 3, 0);
                case 3 -> set(i, LONG, 4, 0);
                case 8 -> set(i, LONGLONG, 8, 0);
                case 4 -> set(i, FLOAT, 4, 0);
                case 5 -> set(i, DOUBLE, 8, 0);
                case 246 -> set(i, DECIMAL, meta & 0xFF, meta >> 8);
                case 10 -> set(i, DATE, 3, 0);
                case 11 -> set(i, TIME, 3, 0);
                case 19 -> set(i, TIME2, 3 + (meta + 1) / 2, meta);
                case 12 -> set(i, DATETIME, 8, 0);
                case 18 -> set(i, DATETIME2, 5 + (meta + 1) / 2, meta);
                case 7 -> set(i, TIMESTAMP, 4, 0);
                case 17 -> set(i, TIMESTAMP2, 4 + (meta + 1) / 2, meta);
                case 13 -> set(i, YEAR, 1, 0);
                case 254 -> set(i, BYTES, length < 256 ? 1 : 2, 0);
                case 15, 253 -> set(i, BYTES, meta < 256 ? 1 : 2, 0);
                case 252, 245, 255, 242 -> set(i, BYTES, meta, 0);
                case 247 -> set(i, ENUM, length, 0);
                case 248 -> set(i, SET, length, 0);
                case 16 -> set(i, BIT, 0, (meta >> 8) * 8 + (meta & 0xFF));
                default -> set(i, UNSUPPORTED, 0, 0);
            }
        }
    }

    private void set(int column, int op, int size, int param) {
        ops[column] = op;
        sizes[column] = size;
        params[column] = param;
    }

    /** Receives each decoded row: an insert has no before image, a delete no after image. */
    @FunctionalInterface
    public interface RowConsumer {
        void row(Object[] before, Object[] after);
    }

    /** Whether rows events of this type hold two images (before and after) per row. */
    public static boolean isUpdate(EventType type) {
        return type == EventType.UPDATE_ROWS || type == EventType.EXT_UPDATE_ROWS
                || type == EventType.PRE_GA_UPDATE_ROWS;
    }

    /**
     * The offsets in {@code body} where each row starts, and as last element the body's end: a body of n rows
     * gives n + 1 offsets, the first being the end of the event's header. An update's row is its before and
     * after image.
     *
     * @throws IllegalStateException when the body does not hold whole rows of this table
     */
    public int[] rowStarts(EventType type, byte[] body) {
        Header header = header(type, body);
        int[] starts = new int[8];
        int rows = 0;
        int position = header.rowsAt;
        starts[0] = position;
        while (position < body.length) {
            position = skipImage(body, position, header.beforeColumns, header.eventColumns);
            if (header.update) {
                position = skipImage(body, position, header.afterColumns, header.eventColumns);
            }
            rows++;
            if (rows + 1 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[rows] = position;
        }
        if (position != body.length) {
            throw new IllegalStateException("the rows end " + (position - body.length)
                    + " bytes past the event's body of " + body.length + " bytes");
        }
        return Arrays.copyOf(starts, rows + 1);
    }

    private int skipImage(byte[] body, int at, int includedAt, int eventColumns) {
        int included = 0;
        for (int i = 0; i < eventColumns; i++) {
            if (bit(body, includedAt, i)) {
                included++;
            }
        }
        int nullsAt = at;
        int position = checkRoom(body, nullsAt, (included + 7) >> 3) + ((included + 7) >> 3);
        int index = 0;
        int limit = Math.min(columns, eventColumns);
        for (int column = 0; column < limit; column++) {
            if (!bit(body, includedAt, column) || bit(body, nullsAt, index++)) {
                continue;
            }
            position += cellSize(body, position, column);
        }
        checkRoom(body, position, 0);
        return position;
    }

    private int cellSize(byte[] body, int at, int column) {
        int size = sizes[column];
        return switch (ops[column]) {
            case BYTES -> {
                int length = littleEndian(body, at, size);
                checkRoom(body, at + size, length);
                yield size + length;
            }
            case DECIMAL -> decimalBytes(size, params[column]);
            case BIT -> (params[column] + 7) >> 3;
            case UNSUPPORTED -> throw new IllegalStateException("column " + names[column] + " has a binlog type "
                    + "cdc4j cannot read");
            default -> size;
        };
    }

    private static int decimalBytes(int precision, int scale) {
        int integral = precision - scale;
        return (integral / 9) * 4 + DIGITS_TO_BYTES[integral % 9] + (scale / 9) * 4 + DIGITS_TO_BYTES[scale % 9];
    }

    /** Where a rows event's parts are: its column bitmaps and its first row. */
    private record Header(int eventColumns, int beforeColumns, int afterColumns, boolean update, int rowsAt) {
    }

    private static Header header(EventType type, byte[] body) {
        int position = 8; // table id, flags
        if (type == EventType.EXT_WRITE_ROWS || type == EventType.EXT_UPDATE_ROWS
                || type == EventType.EXT_DELETE_ROWS) {
            position += littleEndian(body, position, 2);
        }
        int first = littleEndian(body, position++, 1);
        int eventColumns = switch (first) {
            case 252 -> littleEndian(body, position, 2);
            case 253 -> littleEndian(body, position, 3);
            case 254, 255 -> throw new IllegalStateException("a rows event with a column count of marker " + first);
            default -> first;
        };
        position += first == 252 ? 2 : first == 253 ? 3 : 0;
        int bitmapBytes = (eventColumns + 7) >> 3;
        int beforeColumns = position;
        position += bitmapBytes;
        boolean update = isUpdate(type);
        int afterColumns = beforeColumns;
        if (update) {
            afterColumns = position;
            position += bitmapBytes;
        }
        checkRoom(body, position, 0);
        return new Header(eventColumns, beforeColumns, afterColumns, update, position);
    }

    /**
     * Decodes every row of {@code body}, a rows event of {@code type} (any version).
     *
     * @throws IllegalStateException when the bytes are not whole rows of this table, or a row does not hold every
     *                               column (binlog_row_image must be FULL)
     */
    public void decode(EventType type, byte[] body, RowConsumer rows) {
        Header header = header(type, body);
        int beforeColumns = header.beforeColumns;
        int afterColumns = header.afterColumns;
        int eventColumns = header.eventColumns;
        boolean update = header.update;
        int position = header.rowsAt;
        boolean delete = type == EventType.DELETE_ROWS || type == EventType.EXT_DELETE_ROWS
                || type == EventType.PRE_GA_DELETE_ROWS;
        int[] cursor = {position};
        while (cursor[0] < body.length) {
            Object[] image = readImage(body, cursor, beforeColumns, eventColumns);
            if (update) {
                rows.row(image, readImage(body, cursor, afterColumns, eventColumns));
            } else if (delete) {
                rows.row(image, null);
            } else {
                rows.row(null, image);
            }
        }
    }

    private Object[] readImage(byte[] body, int[] cursor, int includedAt, int eventColumns) {
        int included = 0;
        for (int i = 0; i < eventColumns; i++) {
            if (bit(body, includedAt, i)) {
                included++;
            }
        }
        if (included != columns) {
            throw new IllegalStateException("row of " + included + " cells for " + columns + " columns: "
                    + "binlog_row_image must be FULL");
        }
        int nullsAt = cursor[0];
        int position = nullsAt + ((included + 7) >> 3);
        Object[] values = new Object[columns];
        int index = 0;
        for (int column = 0; column < columns; column++) {
            if (!bit(body, includedAt, column)) {
                continue;
            }
            if (bit(body, nullsAt, index++)) {
                continue;
            }
            position = readCell(body, position, column, values);
        }
        if (position > body.length) {
            throw new IllegalStateException("a row passes the end of the event's body of " + body.length + " bytes");
        }
        cursor[0] = position;
        return values;
    }

    private int readCell(byte[] body, int at, int column, Object[] values) {
        CellDecoder decoder = decoders[column];
        int size = sizes[column];
        switch (ops[column]) {
            case TINY -> values[column] = decoder.decode((int) body[checkRoom(body, at, 1)]);
            case SHORT -> values[column] = decoder.decode((int) (short) littleEndian(body, at, 2));
            case INT24 -> values[column] = decoder.decode((littleEndian(body, at, 3) << 8) >> 8);
            case LONG -> values[column] = decoder.decode(littleEndian(body, at, 4));
            case LONGLONG -> values[column] = decoder.decode(littleEndianLong(body, at, 8));
            case FLOAT -> values[column] = decoder.decode(Float.intBitsToFloat(littleEndian(body, at, 4)));
            case DOUBLE -> values[column] = decoder.decode(Double.longBitsToDouble(littleEndianLong(body, at, 8)));
            case DECIMAL -> {
                int scale = params[column];
                int bytes = decimalBytes(size, scale);
                checkRoom(body, at, bytes);
                values[column] = decoder.decode(AbstractRowsEventDataDeserializer.asBigDecimal(size, scale,
                        Arrays.copyOfRange(body, at, at + bytes)));
                return at + bytes;
            }
            case DATE -> values[column] = decoder.decode(TemporalCells.date(body, checkRoom(body, at, size)));
            case TIME -> values[column] = decoder.decode(TemporalCells.timeV1(body, checkRoom(body, at, size)));
            case TIME2 -> values[column] = decoder.decode(TemporalCells.timeV2(params[column], body,
                    checkRoom(body, at, size)));
            case DATETIME -> values[column] = decoder.decode(TemporalCells.datetimeV1(body,
                    checkRoom(body, at, size)));
            case DATETIME2 -> values[column] = decoder.decode(TemporalCells.datetimeV2(params[column], body,
                    checkRoom(body, at, size)));
            case TIMESTAMP -> values[column] = decoder.decode(
                    (littleEndianLong(body, at, 4) * 1000) * 1000);
            case TIMESTAMP2 -> {
                checkRoom(body, at, size);
                long seconds = TemporalCells.bigEndian(body, at, 4);
                int fractionBytes = size - 4;
                long micros = fractionBytes == 0 ? 0
                        : TemporalCells.bigEndian(body, at + 4, fractionBytes) * POWERS_OF_100[3 - fractionBytes];
                values[column] = decoder.decode(seconds * 1_000_000L + micros);
            }
            case YEAR -> values[column] = decoder.decode(TemporalCells.year(body, checkRoom(body, at, size)));
            case BYTES -> {
                int length = littleEndian(body, at, size);
                int start = at + size;
                checkRoom(body, start, length);
                values[column] = decoder.decodeBytes(body, start, length);
                return start + length;
            }
            case ENUM -> values[column] = decoder.decode(littleEndian(body, at, size));
            case SET -> values[column] = decoder.decode(littleEndianLong(body, at, size));
            case BIT -> {
                int bits = params[column];
                int bytes = (bits + 7) >> 3;
                checkRoom(body, at, bytes);
                byte[] reversed = new byte[bytes];
                for (int i = 0; i < bytes; i++) {
                    reversed[i] = body[at + bytes - 1 - i];
                }
                BitSet set = BitSet.valueOf(reversed);
                set.clear(bits, Math.max(bits, bytes * 8));
                values[column] = decoder.decode(set);
                return at + bytes;
            }
            default -> throw new IllegalStateException("column " + names[column] + " has a binlog type cdc4j "
                    + "cannot read");
        }
        return at + size;
    }

    private static int checkRoom(byte[] body, int at, int length) {
        if (length < 0 || at + length > body.length) {
            throw new IllegalStateException("a cell of " + length + " bytes at offset " + at + " passes the end of "
                    + "the event's body of " + body.length + " bytes");
        }
        return at;
    }

    private static boolean bit(byte[] body, int at, int index) {
        return (body[at + (index >> 3)] & (1 << (index & 7))) != 0;
    }

    /** {@code length} (up to 4) bytes little-endian as the binlog library reads them: 4 bytes wrap to a signed int. */
    private static int littleEndian(byte[] body, int at, int length) {
        checkRoom(body, at, length);
        int value = 0;
        for (int i = 0; i < length; i++) {
            value |= (body[at + i] & 0xFF) << (i << 3);
        }
        return value;
    }

    private static long littleEndianLong(byte[] body, int at, int length) {
        checkRoom(body, at, length);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (long) (body[at + i] & 0xFF) << (i << 3);
        }
        return value;
    }
}
