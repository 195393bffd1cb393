package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.TreeSet;

/**
 * The tables of a changefeed that the owner gave to a capture other than the changefeed's lead capture: that
 * capture's processor replicates their rows and nothing else, and waits at every DDL for the lead to apply it.
 *
 * @param slot     which of the changefeed's binlog server ids this processor reads under (1 and up; the lead's is 0)
 * @param tableIds the tables, by id, sorted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableShare(@JsonProperty("slot") int slot, @JsonProperty("table_ids") List<Long> tableIds) {
    public TableShare {
        if (slot < 1) {
            throw new IllegalArgumentException("a share's slot starts at 1, got " + slot);
        }
        tableIds = tableIds == null ? List.of() : List.copyOf(new TreeSet<>(tableIds));
    }
}
