package io.cdc4j.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a binlog reader stands after a transaction boundary; saved with each checkpoint so a reader
 * started from it continues the same commit ts sequence.
 *
 * @param binlogFile the binlog file to continue in
 * @param binlogPosition the offset in that file of the next event to read
 * @param gtidSet the GTIDs read so far (MariaDB {@code gtid_slave_pos} style or a MySQL GTID set), may be empty
 * @param lastPhysical the physical part (ms) of the last ts handed out
 * @param lastLogical the logical part of the last ts handed out
 * @param tableIds the table ids given out up to this position
 * @param schemaAt the {@link SchemaVersion} of the table schemas in force at this position (saved apart, under the
 *                 changefeed); empty when none was saved (positions of older versions, in-process sources)
 */
public record ReaderPosition(String binlogFile, long binlogPosition, String gtidSet, long lastPhysical,
                             long lastLogical, TableIds tableIds, String schemaAt) {
    public ReaderPosition {
        tableIds = tableIds == null ? TableIds.EMPTY : tableIds;
        schemaAt = schemaAt == null ? "" : schemaAt;
        Objects.requireNonNull(binlogFile, "binlogFile");
        Objects.requireNonNull(gtidSet, "gtidSet");
        if (binlogFile.isEmpty()) {
            throw new IllegalArgumentException("empty binlog file name");
        }
        if (binlogPosition < 4) {
            throw new IllegalArgumentException("binlog position below 4: " + binlogPosition);
        }
        Tso.compose(lastPhysical, lastLogical);
    }

    /** A position whose table schemas are not saved. */
    public ReaderPosition(String binlogFile, long binlogPosition, String gtidSet, long lastPhysical, long lastLogical,
                          TableIds tableIds) {
        this(binlogFile, binlogPosition, gtidSet, lastPhysical, lastLogical, tableIds, "");
    }

    /** A position where no table id has been given out yet. */
    public ReaderPosition(String binlogFile, long binlogPosition, String gtidSet, long lastPhysical, long lastLogical) {
        this(binlogFile, binlogPosition, gtidSet, lastPhysical, lastLogical, TableIds.EMPTY);
    }

    /**
     * Orders two positions of one upstream's binlog: by file (the number after the last dot, as the server counts
     * its files, else the name) and then by offset.
     */
    public int compareInStream(ReaderPosition other) {
        int byFile = compareFiles(binlogFile, other.binlogFile);
        return byFile != 0 ? byFile : Long.compare(binlogPosition, other.binlogPosition);
    }

    /** Orders two binlog file names as the server counts its files. */
    static int compareFiles(String left, String right) {
        int leftDot = left.lastIndexOf('.');
        int rightDot = right.lastIndexOf('.');
        if (leftDot > 0 && rightDot > 0 && left.substring(0, leftDot).equals(right.substring(0, rightDot))) {
            try {
                return Long.compare(Long.parseLong(left.substring(leftDot + 1)),
                        Long.parseLong(right.substring(rightDot + 1)));
            } catch (NumberFormatException e) {
                return left.compareTo(right);
            }
        }
        return left.compareTo(right);
    }

    /** The version of the table schemas in force here, when one was saved. */
    public Optional<SchemaVersion> schemaVersion() {
        return schemaAt.isEmpty() ? Optional.empty() : Optional.of(SchemaVersion.parse(schemaAt));
    }

    /** The last ts handed out. */
    public long lastTs() {
        return Tso.compose(lastPhysical, lastLogical);
    }
}
