package io.cdc4j.filter;

import java.util.Set;

/**
 * The schemas a changefeed never replicates whatever its rules say: TiCDC's list, compared lower-case.
 * MariaDB's and MySQL's own system schemas ({@code mysql}, {@code sys}, {@code information_schema},
 * {@code performance_schema}) are all in it; MariaDB has none beyond those.
 */
public final class SystemSchemas {

    private static final Set<String> NAMES = Set.of(
            "mysql", "sys", "information_schema", "performance_schema", "metrics_schema",
            "inspection_schema", "tidb_cdc", "lightning_task_info", "workload_schema");

    private SystemSchemas() {
    }

    /** Whether the schema is a system schema, in any letter case. */
    public static boolean contains(String schema) {
        return NAMES.contains(Names.fold(schema));
    }

    /** The system schema names, lower-case. */
    public static Set<String> names() {
        return NAMES;
    }
}
