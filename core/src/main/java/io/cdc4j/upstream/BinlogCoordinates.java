package io.cdc4j.upstream;

import java.util.Objects;

/** A place in the upstream's binlog: file name and byte offset. */
public record BinlogCoordinates(String file, long position) {
    public BinlogCoordinates {
        Objects.requireNonNull(file, "file");
        if (position < 0) {
            throw new IllegalArgumentException("negative binlog position: " + position);
        }
    }
}
