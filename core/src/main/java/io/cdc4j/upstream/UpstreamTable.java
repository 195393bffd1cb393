package io.cdc4j.upstream;

import io.cdc4j.model.TableName;
import java.util.Objects;

/**
 * A table as the upstream's catalog lists it.
 *
 * @param hasHandleKey whether it has a primary key or a unique key whose columns are all NOT NULL
 */
public record UpstreamTable(TableName name, boolean hasHandleKey) {
    public UpstreamTable {
        Objects.requireNonNull(name, "name");
    }
}
