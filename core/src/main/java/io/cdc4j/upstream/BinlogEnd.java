package io.cdc4j.upstream;

import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.Tso;
import java.util.Objects;

/** The end of the upstream's binlog at one moment: its coordinates and the GTID position that goes with them. */
public record BinlogEnd(BinlogCoordinates at, String gtids) {
    public BinlogEnd {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gtids, "gtids");
    }

    /**
     * The reader position that starts here, with {@code floorTs} as the last ts handed out: every transaction read
     * from here gets a commit ts above it.
     */
    public ReaderPosition startingAfter(long floorTs) {
        return new ReaderPosition(at.file(), Math.max(4, at.position()), gtids, Tso.physical(floorTs),
                Tso.logical(floorTs));
    }
}
