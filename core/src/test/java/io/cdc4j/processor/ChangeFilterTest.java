package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.model.ColumnInfo;
import io.cdc4j.model.ColumnType;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowImage;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeFilterTest {
    private static final TableInfo ORDERS = table("shop", "orders", true);
    private static final TableInfo LOG = table("shop", "log", false);
    private static final TableInfo USERS = table("mysql", "user", true);

    private static TableInfo table(String schema, String name, boolean keyed) {
        return new TableInfo(1, new TableName(schema, name),
                List.of(new ColumnInfo("id", ColumnType.INT, false, !keyed, Optional.empty(), List.of())),
                keyed ? List.of(0) : List.of(), List.of());
    }

    private static RowChange insert(TableInfo table) {
        return new RowChange(RowKind.INSERT, table, 5, Optional.empty(), Optional.of(new RowImage(new Object[] {1})));
    }

    private static RowChange delete(TableInfo table) {
        return new RowChange(RowKind.DELETE, table, 5, Optional.of(new RowImage(new Object[] {1})), Optional.empty());
    }

    private static ChangeFilter filter(String replicaConfigJson) {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults(replicaConfigJson);
        return new ChangeFilter(config);
    }

    @Test
    void keepsSelectedTablesWithAKeyAndNeverSystemSchemas() {
        RowBatch batch = new RowBatch(5, 0, List.of(insert(ORDERS), insert(LOG), insert(USERS)));
        assertThat(filter("{}").rows(batch).orElseThrow().rows()).containsExactly(insert(ORDERS));
        assertThat(filter("{\"force_replicate\":true}").rows(batch).orElseThrow().rows())
                .containsExactly(insert(ORDERS), insert(LOG));
        assertThat(filter("{\"filter\":{\"rules\":[\"other.*\"]}}").rows(batch)).isEmpty();
    }

    @Test
    void anUntouchedBatchIsPassedOnAsItIs() {
        RowBatch batch = new RowBatch(5, 2, List.of(insert(ORDERS), delete(ORDERS)));
        assertThat(filter("{}").rows(batch)).containsSame(batch);
    }

    @Test
    void eventFiltersDropTheIgnoredKindsOfRowsAndDdl() {
        ChangeFilter filter = filter("{\"filter\":{\"event_filters\":[{\"matcher\":[\"shop.*\"],"
                + "\"ignore_event\":[\"delete\",\"drop table\"],\"ignore_sql\":[\"^ALTER TABLE .* COMMENT\"]}]}}");
        RowBatch batch = new RowBatch(5, 0, List.of(insert(ORDERS), delete(ORDERS)));
        assertThat(filter.rows(batch).orElseThrow().rows()).containsExactly(insert(ORDERS));
        TableName orders = new TableName("shop", "orders");
        assertThat(filter.keepsDdl(new DdlEvent("shop", List.of(orders), DdlType.DROP_TABLE, "DROP TABLE orders", 6)))
                .isFalse();
        assertThat(filter.keepsDdl(new DdlEvent("shop", List.of(orders), DdlType.ALTER_TABLE,
                "ALTER TABLE orders COMMENT 'x'", 6))).isFalse();
        assertThat(filter.keepsDdl(new DdlEvent("shop", List.of(orders), DdlType.ADD_COLUMN,
                "ALTER TABLE orders ADD COLUMN c INT", 6))).isTrue();
        assertThat(filter.keepsDdl(new DdlEvent("mysql", List.of(new TableName("mysql", "user")), DdlType.ALTER_TABLE,
                "ALTER TABLE user ADD COLUMN c INT", 6))).isFalse();
    }
}
