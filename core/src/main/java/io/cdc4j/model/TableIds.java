package io.cdc4j.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table ids a reader has given out, as of one binlog position: saved with the position (and so with
 * every checkpoint), so that a reader resumed there gives every table the same id again.
 *
 * @param ids the id of each table, by its quoted name ({@code `schema`.`table`}, folded to lower case when the
 *            upstream folds names); positions saved by older versions key them by lower-case {@code schema.table}
 * @param nextId the id the next new table gets
 */
public record TableIds(@JsonProperty("ids") Map<String, Long> ids, @JsonProperty("next_id") long nextId) {
    /** No table seen yet; the first gets id 1. */
    public static final TableIds EMPTY = new TableIds(Map.of(), 1);

    public TableIds {
        ids = ids == null ? Map.of() : Map.copyOf(new TreeMap<>(ids));
        if (nextId < 1) {
            throw new IllegalArgumentException("table ids start at 1, next id " + nextId);
        }
        for (long id : ids.values()) {
            if (id >= nextId) {
                throw new IllegalArgumentException("table id " + id + " is not below the next id " + nextId);
            }
        }
    }
}
