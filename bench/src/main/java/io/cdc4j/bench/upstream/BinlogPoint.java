package io.cdc4j.bench.upstream;

import java.util.Objects;

/** A place in the binlog (file and byte offset): where a benchmark run starts and where the workload ended. */
public record BinlogPoint(String file, long position) implements Comparable<BinlogPoint> {
    public BinlogPoint {
        Objects.requireNonNull(file, "file");
        if (file.isEmpty() || position < 4) {
            throw new IllegalArgumentException("bad binlog point " + file + ":" + position);
        }
    }

    @Override
    public int compareTo(BinlogPoint other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Long.compare(position, other.position);
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
