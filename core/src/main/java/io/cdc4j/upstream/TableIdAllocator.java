package io.cdc4j.upstream;

import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;

/**
 * Gives each upstream table a stable id assigned by cdc4j: the same id across renames, a new one for a
 * table dropped and created again. Implementations must be thread-safe.
 */
public interface TableIdAllocator {
    /** The table's id, allocating one if the table has none yet. */
    long idOf(TableName table);

    /**
     * A table was created: it gets a new id, unless its name still has one (a name is freed by a drop or a rename,
     * so an id it still has was given to this very table ahead of its CREATE: listed from the upstream's catalog when
     * a changefeed started at a point before the CREATE, or by {@code CREATE TABLE IF NOT EXISTS} of a table that
     * exists).
     */
    long created(TableName table);

    /** A table was renamed: the new name keeps the old name's id. */
    void renamed(TableName from, TableName to);

    /** A table was dropped: its name no longer has an id. */
    void dropped(TableName table);

    /** A schema was dropped: none of its tables has an id any more. */
    void schemaDropped(String schema);

    /** The ids as they stand now, to be saved with the reader's position. */
    TableIds snapshot();
}
