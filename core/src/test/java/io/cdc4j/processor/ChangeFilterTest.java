package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
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
import io.cdc4j.upstream.ddl.DdlClassifier;
import io.cdc4j.upstream.ddl.DdlStatement;
import java.util.ArrayList;
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
        return new ChangeFilter(config, table -> { });
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
    void aSelectedTableWithoutAKeyIsReportedOnceWhileItHasNoneAndAgainIfItLosesItLater() {
        List<TableName> reported = new ArrayList<>();
        ChangeFilter filter = new ChangeFilter(ReplicaConfigJson.decodeOverDefaults("{}"), reported::add);
        RowBatch batch = new RowBatch(5, 0, List.of(insert(LOG), delete(LOG), insert(ORDERS)));
        assertThat(filter.rows(batch).orElseThrow().rows()).containsExactly(insert(ORDERS));
        assertThat(filter.rows(batch).orElseThrow().rows()).containsExactly(insert(ORDERS));
        assertThat(reported).containsExactly(LOG.name());
        TableInfo keyedNow = table(LOG.name().schema(), LOG.name().table(), true);
        assertThat(filter.rows(new RowBatch(5, 1, List.of(insert(keyedNow)))).orElseThrow().rows())
                .as("a key added later: its rows are replicated from then on").containsExactly(insert(keyedNow));
        assertThat(filter.rows(new RowBatch(5, 2, List.of(insert(LOG))))).isEmpty();
        assertThat(reported).containsExactly(LOG.name(), LOG.name());

        List<TableName> forced = new ArrayList<>();
        new ChangeFilter(ReplicaConfigJson.decodeOverDefaults("{\"force_replicate\":true}"), forced::add).rows(batch);
        new ChangeFilter(ReplicaConfigJson.decodeOverDefaults("{\"filter\":{\"rules\":[\"other.*\"]}}"), forced::add)
                .rows(batch);
        assertThat(forced).as("replicated anyway, or not selected at all: nothing to report").isEmpty();
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
        assertThat(filter.ddl(new DdlEvent("shop", List.of(orders), DdlType.DROP_TABLE, "DROP TABLE orders", 6)))
                .isEmpty();
        assertThat(filter.ddl(new DdlEvent("shop", List.of(orders), DdlType.ALTER_TABLE,
                "ALTER TABLE orders COMMENT 'x'", 6))).isEmpty();
        assertThat(filter.ddl(new DdlEvent("shop", List.of(orders), DdlType.ADD_COLUMN,
                "ALTER TABLE orders ADD COLUMN c INT", 6))).isPresent();
        assertThat(filter.ddl(new DdlEvent("mysql", List.of(new TableName("mysql", "user")), DdlType.ALTER_TABLE,
                "ALTER TABLE user ADD COLUMN c INT", 6))).isEmpty();
    }

    private static DdlEvent ddl(String session, String sql) {
        DdlStatement statement = DdlClassifier.classify(sql, session);
        return new DdlEvent(session, statement.tables(), statement.type(), sql, 6);
    }

    @Test
    void ddlIsMatchedOnTheObjectsOwnSchemaNeverTheSessions() {
        ChangeFilter filter = filter("{\"filter\":{\"rules\":[\"d.*\"]}}");
        assertThat(filter.ddl(ddl("other", "CREATE DATABASE d"))).isPresent();
        assertThat(filter.ddl(ddl("d", "CREATE DATABASE other"))).isEmpty();
        assertThat(filter.ddl(ddl("d", "DROP DATABASE other"))).isEmpty();
        assertThat(filter.ddl(ddl("other", "DROP DATABASE IF EXISTS d"))).isPresent();
        assertThat(filter.ddl(ddl("d", "ALTER DATABASE other CHARACTER SET utf8mb4"))).isEmpty();
        assertThat(filter.ddl(ddl("d", "ALTER DATABASE CHARACTER SET utf8mb4"))).isPresent();
        assertThat(filter.ddl(ddl("d", "CREATE TABLE other.t (id INT PRIMARY KEY)"))).isEmpty();
        assertThat(filter.ddl(ddl("other", "CREATE TABLE d.t (id INT PRIMARY KEY)"))).isPresent();
        assertThat(filter.ddl(ddl("d", "CREATE VIEW other.v AS SELECT * FROM t"))).isEmpty();
        assertThat(filter.ddl(ddl("other", "CREATE OR REPLACE DEFINER=`root`@`%` VIEW d.v AS SELECT 1"))).isPresent();
        assertThat(filter.ddl(ddl("other", "ALTER VIEW d.v AS SELECT 2"))).isPresent();
        assertThat(filter.ddl(ddl("d", "CREATE SEQUENCE other.s"))).isEmpty();
        assertThat(filter.ddl(ddl("other", "CREATE SEQUENCE d.s"))).isPresent();
    }

    @Test
    void viewDdlAnswersToTheCreateAndDropViewEventFilters() {
        ChangeFilter filter = filter("{\"filter\":{\"event_filters\":[{\"matcher\":[\"d.*\"],"
                + "\"ignore_event\":[\"create view\",\"drop view\"]}]}}");
        assertThat(filter.ddl(ddl("x", "CREATE VIEW d.v AS SELECT 1"))).isEmpty();
        assertThat(filter.ddl(ddl("x", "ALTER VIEW d.v AS SELECT 1"))).isEmpty();
        assertThat(filter.ddl(ddl("x", "DROP VIEW d.v"))).isEmpty();
        assertThat(filter.ddl(ddl("x", "CREATE VIEW e.v AS SELECT 1"))).isPresent();
    }

    @Test
    void aDdlWhoseObjectsCannotBeToldFailsUnlessAnIgnoreSqlMatchesIt() {
        DdlEvent unknown = ddl("d", "CREATE PACKAGE p AS FUNCTION f RETURN INT; END");
        assertThatThrownBy(() -> filter("{}").ddl(unknown)).isInstanceOfSatisfying(CdcException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.HANDLE_DDL_FAILED))
                .hasMessageContaining("CREATE PACKAGE p").hasMessageContaining("ignore_sql");
        assertThat(filter("{\"filter\":{\"event_filters\":[{\"matcher\":[\"nothing.*\"],"
                + "\"ignore_sql\":[\"^CREATE PACKAGE\"]}]}}").ddl(unknown)).isEmpty();
    }

    @Test
    void renamesAreJudgedPairByPairAsTiCdcDoes() {
        ChangeFilter filter = filter("{\"filter\":{\"rules\":[\"a.*\"]}}");
        DdlEvent inToIn = ddl("a", "RENAME TABLE t1 TO t2");
        assertThat(filter.ddl(inToIn)).containsSame(inToIn);
        DdlEvent inToOut = ddl("a", "RENAME TABLE t1 TO b.t1");
        assertThat(filter.ddl(inToOut)).as("the old name decides").containsSame(inToOut);
        assertThat(filter.ddl(ddl("a", "RENAME TABLE b.t1 TO c.t1"))).isEmpty();
        assertThat(filter.ddl(ddl("a", "ALTER TABLE b.t1 RENAME TO c.t1"))).isEmpty();
        for (String outToIn : List.of("RENAME TABLE b.t1 TO a.t1", "ALTER TABLE b.t1 RENAME TO a.t1",
                "RENAME TABLE a.t1 TO a.t2, b.t3 TO a.t3")) {
            assertThatThrownBy(() -> filter.ddl(ddl("a", outToIn))).isInstanceOfSatisfying(CdcException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNC_RENAME_TABLE_FAILED))
                    .hasMessageContaining("CDC:ErrSyncRenameTableFailed").hasMessageContaining(outToIn);
        }
        DdlEvent split = filter.ddl(ddl("b", "RENAME TABLE a.t1 TO a.t2, x TO y, a.t3 TO b.t3")).orElseThrow();
        assertThat(split.query()).isEqualTo("RENAME TABLE `a`.`t1` TO `a`.`t2`, `a`.`t3` TO `b`.`t3`");
        assertThat(split.tables()).containsExactly(new TableName("a", "t1"), new TableName("a", "t2"),
                new TableName("a", "t3"), new TableName("b", "t3"));
        assertThat(split.type()).isEqualTo(DdlType.RENAME_TABLE);
        assertThat(split.schema()).as("run in a replicated schema").isEqualTo("a");
        assertThat(split.commitTs()).isEqualTo(6);
    }

    @Test
    void anEventFilterIgnoringARenameDropsTheOldNamesItMatches() {
        ChangeFilter filter = filter("{\"filter\":{\"rules\":[\"a.*\"],\"event_filters\":[{\"matcher\":[\"a.t1\"],"
                + "\"ignore_event\":[\"rename table\"]}]}}");
        assertThat(filter.ddl(ddl("a", "RENAME TABLE t1 TO t9"))).isEmpty();
        assertThat(filter.ddl(ddl("a", "RENAME TABLE t1 TO t9, t2 TO t8")).orElseThrow().query())
                .isEqualTo("RENAME TABLE `a`.`t2` TO `a`.`t8`");
    }

    @Test
    void dropsOfSeveralTablesSendOnOnlyTheKeptOnes() {
        ChangeFilter filter = filter("{\"filter\":{\"rules\":[\"s.*\", \"!s.log\"]}}");
        DdlEvent all = ddl("s", "DROP TABLE t1, t2");
        assertThat(filter.ddl(all)).containsSame(all);
        DdlEvent split = filter.ddl(ddl("s", "DROP TABLE `t1`,`log`,`other`.`t3` /* generated by server */"))
                .orElseThrow();
        assertThat(split.query()).isEqualTo("DROP TABLE `s`.`t1`");
        assertThat(split.tables()).containsExactly(new TableName("s", "t1"));
        assertThat(filter.ddl(ddl("s", "DROP TABLE IF EXISTS log, t1, t2")).orElseThrow().query())
                .isEqualTo("DROP TABLE IF EXISTS `s`.`t1`, `s`.`t2`");
        assertThat(filter.ddl(ddl("s", "DROP TABLE log, other.t"))).isEmpty();
        assertThat(filter.ddl(ddl("x", "DROP VIEW s.v1, s.log")).orElseThrow().query())
                .isEqualTo("DROP VIEW `s`.`v1`");
        assertThat(filter.ddl(ddl("s", "DROP TABLE `we``ird`, log")).orElseThrow().query())
                .isEqualTo("DROP TABLE `s`.`we``ird`");
    }
}
