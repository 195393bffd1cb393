package io.cdc4j.sink.mysql;

import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The conflict slots of a table transaction, as TiCDC's causality detector computes them: for the primary key and
 * the unique key, from the old and the new image, the key's values each followed by 0x00, then the index ordinal
 * and the table id (8 bytes big-endian each), hashed with FNV-1a 32-bit into one of {@link #SLOTS} slots. A key
 * with a NULL value is skipped; a transaction with no key at all takes the table's own slot. Text is lower-cased,
 * since a case-insensitive collation makes 'A' and 'a' the same key downstream.
 */
final class ConflictKeys {
    /** The number of slots. */
    static final int SLOTS = 16384;
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private ConflictKeys() {
    }

    /** The distinct slots of {@code txn}, ascending. */
    static int[] slots(TableTxn txn) {
        TableInfo table = txn.table();
        BitSet slots = new BitSet(SLOTS);
        boolean any = false;
        for (RowChange row : txn.rows()) {
            any |= add(slots, row.before(), table.primaryKey(), 0, table.tableId());
            any |= add(slots, row.after(), table.primaryKey(), 0, table.tableId());
            any |= add(slots, row.before(), table.uniqueKey(), 1, table.tableId());
            any |= add(slots, row.after(), table.uniqueKey(), 1, table.tableId());
        }
        if (!any) {
            slots.set(slot(longBytes(FNV_OFFSET, table.tableId())));
        }
        return slots.stream().toArray();
    }

    private static boolean add(BitSet slots, Optional<RowImage> image, List<Integer> index, long ordinal,
                               long tableId) {
        if (image.isEmpty() || index.isEmpty()) {
            return false;
        }
        RowImage row = image.get();
        int hash = FNV_OFFSET;
        for (int column : index) {
            Optional<Object> value = row.value(column);
            if (value.isEmpty()) {
                return false;
            }
            hash = bytes(hash, value.get() instanceof byte[] raw ? raw
                    : String.valueOf(value.get()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            hash = feed(hash, 0);
        }
        hash = longBytes(hash, ordinal);
        hash = longBytes(hash, tableId);
        slots.set(slot(hash));
        return true;
    }

    private static int slot(int hash) {
        return (int) (Integer.toUnsignedLong(hash) % SLOTS);
    }

    private static int feed(int hash, int octet) {
        return (hash ^ (octet & 0xff)) * FNV_PRIME;
    }

    private static int bytes(int hash, byte[] data) {
        int h = hash;
        for (byte b : data) {
            h = feed(h, b);
        }
        return h;
    }

    private static int longBytes(int hash, long value) {
        int h = hash;
        for (int shift = 56; shift >= 0; shift -= 8) {
            h = feed(h, (int) (value >>> shift));
        }
        return h;
    }
}
