package io.cdc4j.upstream;

import java.io.ByteArrayOutputStream;

/** Rows event bodies as the server writes them (version 1 WRITE_ROWS), for tests that frame events in memory. */
final class RowsBodies {
    private RowsBodies() {
    }

    /** A WRITE_ROWS body of {@code columns} INT NOT NULL columns, the values filling the rows in order. */
    static byte[] ints(long tableId, int columns, int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, tableId, columns, (1 << columns) - 1);
        for (int i = 0; i < values.length; i++) {
            if (i % columns == 0) {
                out.write(0); // null bitmap
            }
            littleEndian(out, values[i], 4);
        }
        return out.toByteArray();
    }

    /** A WRITE_ROWS body of a two-column table holding only the first column (binlog_row_image=MINIMAL). */
    static byte[] firstOfTwo(long tableId, int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, tableId, 2, 1);
        out.write(0);
        littleEndian(out, value, 4);
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, long tableId, int columns, int present) {
        littleEndian(out, tableId, 6);
        littleEndian(out, 0, 2); // flags
        out.write(columns); // packed column count
        out.write(present); // columns present
    }

    private static void littleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
