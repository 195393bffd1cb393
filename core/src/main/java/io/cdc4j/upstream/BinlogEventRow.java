package io.cdc4j.upstream;

/** One row of {@code SHOW BINLOG EVENTS}: where an event starts, its type as the server names it, where it ends. */
public record BinlogEventRow(long position, String type, long endPosition) {
    /** Whether a binlog group (a transaction or a DDL) begins with this event. */
    boolean beginsGroup() {
        return type.equalsIgnoreCase("Gtid") || type.equalsIgnoreCase("Gtid_tagged")
                || type.equalsIgnoreCase("Anonymous_Gtid");
    }
}
