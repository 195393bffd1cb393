package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.EventType;

/**
 * One rows event, or the rows of it that fall in one part, still as binlog bytes: a self-contained event body
 * (its header and whole rows), the table it was mapped to when read, and where it is in the binlog (for errors).
 *
 * @param rows how many rows (an update's before and after image being one) the body holds
 */
record FramedSlice(EventType type, byte[] body, int rows, MappedTable table, String file, long position) {
}
