package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import java.util.Arrays;

/**
 * Where each row of a rows event starts, found from a TABLE_MAP's column types without decoding a cell: the binlog
 * thread counts rows (for batch sizes and memory accounting) and cuts an event between rows this way, and leaves
 * the decoding to {@link RowsDecoder}. Reads the cell sizes the way the binlog library reads the cells.
 */
public final class RowsShape {
    private static final int FIXED = 0;
    private static final int PREFIXED = 1;
    private static final int UNSUPPORTED = 2;
    private static final int[] DIGITS_TO_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};

    private final int columns;
    private final int[] kinds;
    private final int[] sizes;
    private final String[] typeNames;

    private RowsShape(int columns, int[] kinds, int[] sizes, String[] typeNames) {
        this.columns = columns;
        this.kinds = kinds;
        this.sizes = sizes;
        this.typeNames = typeNames;
    }

    /** The shape of the rows mapped by {@code map}. */
    public static RowsShape of(TableMapEventData map) {
        byte[] types = map.getColumnTypes();
        int[] metadata = map.getColumnMetadata();
        int[] kinds = new int[types.length];
        int[] sizes = new int[types.length];
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            int type = types[i] & 0xFF;
            int meta = metadata[i];
            int length = 0;
            if (type == 254 && meta >= 256) {
                // STRING carries its real type (ENUM, SET, or a long CHAR) in the metadata's high byte
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
            names[i] = "type " + type;
            switch (type) {
                case 1, 13 -> fixed(kinds, sizes, i, 1); // TINY, YEAR
                case 2 -> fixed(kinds, sizes, i, 2); // SHORT
                case 9, 10, 11 -> fixed(kinds, sizes, i, 3); // INT24, DATE, TIME
                case 3, 4, 7 -> fixed(kinds, sizes, i, 4); // LONG, FLOAT, TIMESTAMP
                case 8, 5, 12 -> fixed(kinds, sizes, i, 8); // LONGLONG, DOUBLE, DATETIME
                case 246 -> fixed(kinds, sizes, i, decimalBytes(meta & 0xFF, meta >> 8)); // NEWDECIMAL
                case 19 -> fixed(kinds, sizes, i, 3 + (meta + 1) / 2); // TIME2
                case 17 -> fixed(kinds, sizes, i, 4 + (meta + 1) / 2); // TIMESTAMP2
                case 18 -> fixed(kinds, sizes, i, 5 + (meta + 1) / 2); // DATETIME2
                case 16 -> fixed(kinds, sizes, i, ((meta >> 8) * 8 + (meta & 0xFF) + 7) >> 3); // BIT
                case 247 -> fixed(kinds, sizes, i, length); // ENUM: 1 or 2 bytes
                case 248 -> fixed(kinds, sizes, i, length); // SET: 1 to 8 bytes
                case 254 -> prefixed(kinds, sizes, i, length < 256 ? 1 : 2); // STRING (CHAR, BINARY)
                case 15, 253 -> prefixed(kinds, sizes, i, meta < 256 ? 1 : 2); // VARCHAR, VAR_STRING
                case 252, 245, 255, 242 -> prefixed(kinds, sizes, i, meta); // BLOB, JSON, GEOMETRY, VECTOR
                default -> kinds[i] = UNSUPPORTED;
            }
        }
        return new RowsShape(types.length, kinds, sizes, names);
    }

    private static void fixed(int[] kinds, int[] sizes, int column, int bytes) {
        kinds[column] = FIXED;
        sizes[column] = bytes;
    }

    private static void prefixed(int[] kinds, int[] sizes, int column, int prefixBytes) {
        kinds[column] = PREFIXED;
        sizes[column] = prefixBytes;
    }

    private static int decimalBytes(int precision, int scale) {
        int integral = precision - scale;
        return (integral / 9) * 4 + DIGITS_TO_BYTES[integral % 9] + (scale / 9) * 4 + DIGITS_TO_BYTES[scale % 9];
    }

    /** Whether rows events of this type hold two images (before and after) per row. */
    public static boolean isUpdate(EventType type) {
        return type == EventType.UPDATE_ROWS || type == EventType.EXT_UPDATE_ROWS
                || type == EventType.PRE_GA_UPDATE_ROWS;
    }

    private static boolean hasExtraInformation(EventType type) {
        return type == EventType.EXT_WRITE_ROWS || type == EventType.EXT_UPDATE_ROWS
                || type == EventType.EXT_DELETE_ROWS;
    }

    /**
     * The offsets in {@code body} where each row starts, and as last element the body's end: a body of n rows
     * gives n + 1 offsets, the first being the end of the event's header. An update's row is its before and
     * after image.
     *
     * @throws IllegalStateException when the body does not hold whole rows of this shape
     */
    public int[] rowStarts(EventType type, byte[] body) {
        Reader in = new Reader(body);
        in.skip(8); // table id, flags
        if (hasExtraInformation(type)) {
            int extra = in.littleEndian(2);
            in.skip(extra - 2);
        }
        int eventColumns = (int) in.packedLength();
        int bitmapBytes = (eventColumns + 7) >> 3;
        int before = in.position();
        in.skip(bitmapBytes);
        int after = before;
        boolean update = isUpdate(type);
        if (update) {
            after = in.position();
            in.skip(bitmapBytes);
        }
        int[] starts = new int[8];
        int rows = 0;
        starts[0] = in.position();
        while (in.position() < body.length) {
            skipImage(in, body, before, eventColumns);
            if (update) {
                skipImage(in, body, after, eventColumns);
            }
            rows++;
            if (rows + 1 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[rows] = in.position();
        }
        if (in.position() != body.length) {
            throw new IllegalStateException("the rows end " + (in.position() - body.length)
                    + " bytes past the event's body of " + body.length + " bytes");
        }
        return Arrays.copyOf(starts, rows + 1);
    }

    private void skipImage(Reader in, byte[] body, int includedAt, int eventColumns) {
        int included = 0;
        int limit = Math.min(columns, eventColumns);
        for (int i = 0; i < eventColumns; i++) {
            if (bit(body, includedAt, i)) {
                included++;
            }
        }
        int nullsAt = in.position();
        in.skip((included + 7) >> 3);
        int index = 0;
        for (int column = 0; column < limit; column++) {
            if (!bit(body, includedAt, column)) {
                continue;
            }
            boolean isNull = bit(body, nullsAt, index++);
            if (isNull) {
                continue;
            }
            switch (kinds[column]) {
                case FIXED -> in.skip(sizes[column]);
                case PREFIXED -> in.skip(in.littleEndian(sizes[column]));
                default -> throw new IllegalStateException("column " + (column + 1) + " has a binlog column "
                        + typeNames[column] + " that cdc4j cannot read");
            }
        }
    }

    private static boolean bit(byte[] body, int at, int index) {
        return (body[at + (index >> 3)] & (1 << (index & 7))) != 0;
    }

    /** Reads lengths from a body, checking every step stays inside it. */
    private static final class Reader {
        private final byte[] body;
        private int position;

        Reader(byte[] body) {
            this.body = body;
        }

        int position() {
            return position;
        }

        void skip(long bytes) {
            if (bytes < 0 || position + bytes > body.length) {
                throw new IllegalStateException("a cell or header of " + bytes + " bytes at offset " + position
                        + " passes the end of the event's body of " + body.length + " bytes");
            }
            position += (int) bytes;
        }

        int littleEndian(int bytes) {
            if (position + bytes > body.length) {
                skip(bytes);
            }
            long value = 0;
            for (int i = bytes - 1; i >= 0; i--) {
                value = (value << 8) | (body[position + i] & 0xFF);
            }
            position += bytes;
            if (value > Integer.MAX_VALUE) {
                throw new IllegalStateException("a length of " + value + " bytes at offset " + (position - bytes));
            }
            return (int) value;
        }

        long packedLength() {
            int first = littleEndian(1);
            return switch (first) {
                case 252 -> littleEndian(2);
                case 253 -> littleEndian(3);
                case 254 -> littleEndian(8);
                default -> first;
            };
        }
    }
}
