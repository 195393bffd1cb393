package io.cdc4j.sink.mysql;

import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableInfo.UniqueIndex;
import io.cdc4j.sink.TableTxn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The conflict slots of a table transaction, as TiCDC's causality detector computes them: for the primary key and
 * every unique index, from the old and the new image, the key's values each followed by 0x00, then the index ordinal
 * and the table id (8 bytes big-endian each), hashed with FNV-1a 32-bit into one of {@link #SLOTS} slots. A key with
 * a NULL value is skipped (NULLs never collide in a unique index); a transaction with no key at all takes the table's
 * own slot. Values are hashed as the index compares them: text folded by its column's collation
 * ({@link CollationFold}) and cut to the index prefix, bytes cut to the prefix.
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
        List<UniqueIndex> keys = keys(table);
        BitSet slots = new BitSet(SLOTS);
        boolean any = false;
        for (RowChange row : txn.rows()) {
            for (int ordinal = 0; ordinal < keys.size(); ordinal++) {
                any |= add(slots, row.before(), table, keys.get(ordinal), ordinal);
                any |= add(slots, row.after(), table, keys.get(ordinal), ordinal);
            }
        }
        if (!any) {
            slots.set(slot(longBytes(FNV_OFFSET, table.tableId())));
        }
        return slots.stream().toArray();
    }

    /** The primary key, then every unique index, then the handle key if the unique indexes lack it. */
    private static List<UniqueIndex> keys(TableInfo table) {
        List<UniqueIndex> keys = new ArrayList<>(table.uniqueKeys().size() + 2);
        if (!table.primaryKey().isEmpty()) {
            keys.add(UniqueIndex.whole(table.primaryKey()));
        }
        keys.addAll(table.uniqueKeys());
        if (!table.uniqueKey().isEmpty() && !keys.contains(UniqueIndex.whole(table.uniqueKey()))) {
            keys.add(UniqueIndex.whole(table.uniqueKey()));
        }
        return keys;
    }

    private static boolean add(BitSet slots, Optional<RowImage> image, TableInfo table, UniqueIndex index,
                               long ordinal) {
        if (image.isEmpty()) {
            return false;
        }
        RowImage row = image.get();
        int hash = FNV_OFFSET;
        for (int k = 0; k < index.columns().size(); k++) {
            int column = index.columns().get(k);
            Optional<Object> value = row.value(column);
            if (value.isEmpty()) {
                return false;
            }
            hash = bytes(hash, keyBytes(value.get(), table.columns().get(column), index.prefixLengths().get(k)));
            hash = feed(hash, 0);
        }
        hash = longBytes(hash, ordinal);
        hash = longBytes(hash, table.tableId());
        slots.set(slot(hash));
        return true;
    }

    /** A key value as the index compares it: {@code prefix} bytes or characters of it (0: all), text folded. */
    static byte[] keyBytes(Object value, ColumnInfo column, int prefix) {
        if (value instanceof byte[] raw) {
            return prefix > 0 && raw.length > prefix ? Arrays.copyOf(raw, prefix) : raw;
        }
        if (value instanceof String text) {
            String cut = prefix > 0 && text.codePointCount(0, text.length()) > prefix
                    ? text.substring(0, text.offsetByCodePoints(0, prefix)) : text;
            return CollationFold.fold(cut, column.collation()).getBytes(StandardCharsets.UTF_8);
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
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
