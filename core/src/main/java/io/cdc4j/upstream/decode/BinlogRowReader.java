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
    private static final int PREFIXED = -1;
    private static final int UNREADABLE = -2;
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
    /** Each cell's size in bytes when fixed, else {@link #PREFIXED} (a length prefix of sizes[column] bytes). */
    private final int[] fixedSizes;

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
        this.fixedSizes = new int[columns];
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
            fixedSizes[i] = switch (ops[i]) {
                case BYTES -> PREFIXED;
                case DECIMAL -> decimalBytes(sizes[i], params[i]);
                case BIT -> (params[i] + 7) >> 3;
                case UNSUPPORTED -> UNREADABLE;
                default -> sizes[i];
            };
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
        try {
            while (position < body.length) {
                position = skipImage(body, position, header.before);
                if (header.update) {
                    position = skipImage(body, position, header.after);
                }
                rows++;
                if (rows + 1 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[rows] = position;
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException("row " + (rows + 1) + " passes the end of the event's body of "
                    + body.length + " bytes", e);
        }
        if (position != body.length) {
            throw new IllegalStateException("the rows end " + (position - body.length)
                    + " bytes past the event's body of " + body.length + " bytes");
        }
        return Arrays.copyOf(starts, rows + 1);
    }

    /** Skips one row image: only its variable-length cells' length prefixes are read. */
    private int skipImage(byte[] body, int at, Image image) {
        int[] present = image.columns;
        int position = at + image.nullBytes;
        for (int k = 0; k < present.length; k++) {
            if ((body[at + (k >> 3)] & (1 << (k & 7))) != 0) {
                continue;
            }
            int column = present[k];
            int fixed = fixedSizes[column];
            if (fixed >= 0) {
                position += fixed;
            } else if (fixed == PREFIXED) {
                int prefix = sizes[column];
                int length = 0;
                for (int i = 0; i < prefix; i++) {
                    length |= (body[position + i] & 0xFF) << (i << 3);
                }
                if (length < 0) {
                    throw new IllegalStateException("a cell of " + Integer.toUnsignedString(length) + " bytes");
                }
                position += prefix + length;
            } else {
                throw new IllegalStateException("column " + names[column] + " has a binlog type cdc4j cannot read");
            }
        }
        if (position > body.length) {
            throw new IllegalStateException("a row passes the end of the event's body of " + body.length + " bytes");
        }
        return position;
    }

    private static int decimalBytes(int precision, int scale) {
        int integral = precision - scale;
        return (integral / 9) * 4 + DIGITS_TO_BYTES[integral % 9] + (scale / 9) * 4 + DIGITS_TO_BYTES[scale % 9];
    }

    /**
     * The columns one image of every row of an event holds (those of the table, in order) and the size of its
     * null bitmap, which covers every column the event includes.
     */
    private record Image(int[] columns, int included, int nullBytes) {
    }

    /** Where a rows event's rows start, and the images each row has. */
    private record Header(Image before, Image after, boolean update, int rowsAt) {
    }

    private Header header(EventType type, byte[] body) {
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
        checkRoom(body, position, bitmapBytes);
        Image before = image(body, position, eventColumns);
        position += bitmapBytes;
        boolean update = isUpdate(type);
        Image after = before;
        if (update) {
            checkRoom(body, position, bitmapBytes);
            after = image(body, position, eventColumns);
            position += bitmapBytes;
        }
        checkRoom(body, position, 0);
        return new Header(before, after, update, position);
    }

    private Image image(byte[] body, int bitmapAt, int eventColumns) {
        int included = 0;
        int[] present = new int[Math.min(columns, eventColumns)];
        int count = 0;
        for (int i = 0; i < eventColumns; i++) {
            if (bit(body, bitmapAt, i)) {
                included++;
                if (i < columns) {
                    present[count++] = i;
                }
            }
        }
        return new Image(Arrays.copyOf(present, count), included, (included + 7) >> 3);
    }

    /**
     * Decodes every row of {@code body}, a rows event of {@code type} (any version).
     *
     * @throws IllegalStateException when the bytes are not whole rows of this table, or a row does not hold every
     *                               column (binlog_row_image must be FULL)
     */
    public void decode(EventType type, byte[] body, RowConsumer rows) {
        Header header = header(type, body);
        requireFull(header.before);
        requireFull(header.after);
        boolean delete = type == EventType.DELETE_ROWS || type == EventType.EXT_DELETE_ROWS
                || type == EventType.PRE_GA_DELETE_ROWS;
        int[] cursor = {header.rowsAt};
        while (cursor[0] < body.length) {
            Object[] image = readImage(body, cursor, header.before);
            if (header.update) {
                rows.row(image, readImage(body, cursor, header.after));
            } else if (delete) {
                rows.row(image, null);
            } else {
                rows.row(null, image);
            }
        }
    }

    private void requireFull(Image image) {
        if (image.included != columns || image.columns.length != columns) {
            throw new IllegalStateException("row of " + image.included + " cells for " + columns + " columns: "
                    + "binlog_row_image must be FULL");
        }
    }

    private Object[] readImage(byte[] body, int[] cursor, Image image) {
        int nullsAt = cursor[0];
        int position = checkRoom(body, nullsAt, image.nullBytes) + image.nullBytes;
        Object[] values = new Object[columns];
        for (int column = 0; column < columns; column++) {
            if ((body[nullsAt + (column >> 3)] & (1 << (column & 7))) == 0) {
                position = readCell(body, position, column, values);
            }
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
