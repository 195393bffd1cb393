package io.cdc4j.upstream;

import io.cdc4j.model.SchemaVersion;
import io.cdc4j.schema.CatalogSnapshot;
import java.util.Objects;

/** Where a reader's table schemas come from when it starts. */
public sealed interface SchemaStart {
    /**
     * Read every table the reader selects from the upstream (as it is now) before reading the binlog: at a
     * changefeed's first start, or from a position saved without schemas.
     */
    record Load() implements SchemaStart {
    }

    /** Start from the schemas saved for the version a checkpoint's reader state names. */
    record Restore(SchemaVersion version, CatalogSnapshot snapshot) implements SchemaStart {
        public Restore {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }
}
