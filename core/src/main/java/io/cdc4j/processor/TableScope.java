package io.cdc4j.processor;

import java.util.Set;

/**
 * Which of a changefeed's tables one processor replicates: a lead replicates every table but those shared out to
 * other captures, a processor holding a share only the tables of its share.
 *
 * @param slot which of the changefeed's binlog server id slots the processor reads under (0 for the lead)
 * @param onlyListed true for a share (only {@code ids}), false for a lead (all but {@code ids})
 * @param ids the table ids listed
 */
public record TableScope(int slot, boolean onlyListed, Set<Long> ids) {
    /** Every table: a changefeed run whole on one capture. */
    public static final TableScope ALL = new TableScope(0, false, Set.of());

    public TableScope {
        ids = Set.copyOf(ids);
        if (slot < 0 || onlyListed == (slot == 0)) {
            throw new IllegalArgumentException("a lead reads slot 0 and a share a slot from 1, got slot " + slot
                    + (onlyListed ? " for a share" : " for a lead"));
        }
    }

    /** A lead's scope: every table except those shared out. */
    public static TableScope allBut(Set<Long> sharedOut) {
        return new TableScope(0, false, sharedOut);
    }

    /** A share's scope: the listed tables only, read under server id slot {@code slot}. */
    public static TableScope only(int slot, Set<Long> share) {
        return new TableScope(slot, true, share);
    }

    /** Whether the processor replicates the rows of table {@code tableId}. */
    public boolean contains(long tableId) {
        return onlyListed == ids.contains(tableId);
    }

    /** Whether this is the whole changefeed. */
    public boolean isAll() {
        return !onlyListed && ids.isEmpty();
    }

    /** Whether this processor applies the changefeed's DDLs (it leads). */
    public boolean leads() {
        return !onlyListed;
    }
}
