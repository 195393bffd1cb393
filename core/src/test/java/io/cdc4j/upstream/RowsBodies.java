package io.cdc4j.upstream;

import java.io.ByteArrayOutputStream;

/** Rows event bodies as the server writes them (version 1 WRITE_ROWS), for tests that frame events in memory. */
final class RowsBodies {
    private RowsBodies() {
    }

    /** A WRITE_ROWS body of one INT NOT NULL column, one row per id, for binlog table id {@code tableId}. */
    static byte[] ints(long tableId, int... ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, tableId, 1);
        for (int id : ids) {
            out.write(0); // null bitmap
            littleEndian(out, id, 4);
        }
        return out.toByteArray();
    }

    /** A WRITE_ROWS body whose one INT column's rows are cut short: it cannot be decoded. */
    static byte[] truncated(long tableId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, tableId, 1);
        out.write(0);
        littleEndian(out, 7, 2);
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, long tableId, int columns) {
        littleEndian(out, tableId, 6);
        littleEndian(out, 0, 2); // flags
        out.write(columns); // packed column count
        out.write((1 << columns) - 1); // columns present
    }

    private static void littleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
