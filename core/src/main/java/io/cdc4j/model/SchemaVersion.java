package io.cdc4j.model;

import java.util.Objects;

/**
 * Where in the binlog a version of a changefeed's table schemas begins: right after the DDL that made it, or at the
 * position a reader first loaded them for. Every capture reading the upstream agrees on it (unlike on commit ts,
 * which each reader stamps itself), so it names the saved schemas that a checkpoint's reader state resumes with.
 *
 * @param binlogFile the binlog file
 * @param binlogPosition the offset in it
 */
public record SchemaVersion(String binlogFile, long binlogPosition) implements Comparable<SchemaVersion> {
    public SchemaVersion {
        Objects.requireNonNull(binlogFile, "binlogFile");
        if (binlogFile.isEmpty() || binlogFile.contains("/")) {
            throw new IllegalArgumentException("not a binlog file name: '" + binlogFile + "'");
        }
        if (binlogPosition < 0) {
            throw new IllegalArgumentException("negative binlog position: " + binlogPosition);
        }
    }

    /** The version a {@link #toString()} wrote. */
    public static SchemaVersion parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a schema version (file:position): '" + text + "'");
        }
        try {
            return new SchemaVersion(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a schema version (file:position): '" + text + "'", e);
        }
    }

    /** Orders versions as their places in one upstream's binlog. */
    @Override
    public int compareTo(SchemaVersion other) {
        int byFile = ReaderPosition.compareFiles(binlogFile, other.binlogFile);
        return byFile != 0 ? byFile : Long.compare(binlogPosition, other.binlogPosition);
    }

    /** {@code file:position}, as saved in reader states and as the name of its node in the metadata. */
    @Override
    public String toString() {
        return binlogFile + ":" + binlogPosition;
    }
}
