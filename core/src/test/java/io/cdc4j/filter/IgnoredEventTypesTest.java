package io.cdc4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoredEventTypesTest {

    private static final List<String> TICDC_NAMES = List.of("all dml", "all ddl", "insert", "update", "delete",
            "create schema", "create database", "drop schema", "drop database", "modify schema charset and collate",
            "create table", "drop table", "rename table", "truncate table", "recover table", "modify table comment",
            "modify table charset and collate", "create view", "drop view", "add table partition",
            "drop table partition", "truncate table partition", "exchange table partition",
            "reorganize table partition", "alter table partitioning", "remove table partitioning", "add column",
            "drop column", "modify column", "set default value", "rebase auto id", "add primary key",
            "drop primary key", "create index", "drop index", "rename index", "alter index visibility",
            "alter ttl info", "alter ttl remove", "multi schema change", "add foreign key", "drop foreign key",
            "alter table");

    @Test
    void everyTiCdcNameIsAcceptedAndNoOther() {
        assertThat(Arrays.stream(EventType.values()).flatMap(type -> type.names().stream()))
                .containsExactlyInAnyOrderElementsOf(TICDC_NAMES);
        assertThat(IgnoredEventTypes.parse(TICDC_NAMES).types()).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void aliasesNameTheSameType() {
        assertThat(EventType.fromName("create database")).contains(EventType.CREATE_SCHEMA);
        assertThat(EventType.fromName("drop database")).contains(EventType.DROP_SCHEMA);
        assertThat(EventType.CREATE_SCHEMA.typeName()).isEqualTo("create schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "none", "alter database", "add index", "Insert", "INSERT", " insert",
        "insert ", "create  table", ""})
    void otherValuesAreRefused(String name) {
        assertThatThrownBy(() -> IgnoredEventTypes.parse(List.of("insert", name)))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_IGNORE_EVENT_TYPE))
                .hasMessage("[CDC:ErrInvalidIgnoreEventType]invalid ignore event type: '" + name + "'");
    }

    @Test
    void aPlainTypeIgnoresOnlyItself() {
        IgnoredEventTypes ignored = IgnoredEventTypes.parse(List.of("insert", "drop table"));
        assertThat(ignored.ignores(EventType.INSERT)).isTrue();
        assertThat(ignored.ignores(EventType.DROP_TABLE)).isTrue();
        assertThat(ignored.ignores(EventType.UPDATE)).isFalse();
        assertThat(ignored.ignores(EventType.TRUNCATE_TABLE)).isFalse();
    }

    @Test
    void allDmlIgnoresRowEventsOnly() {
        IgnoredEventTypes ignored = IgnoredEventTypes.parse(List.of("all dml"));
        assertThat(ignored.ignores(EventType.INSERT)).isTrue();
        assertThat(ignored.ignores(EventType.UPDATE)).isTrue();
        assertThat(ignored.ignores(EventType.DELETE)).isTrue();
        assertThat(ignored.ignores(EventType.CREATE_TABLE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"ALL_DML", "ALL_DDL", "INSERT", "UPDATE", "DELETE"})
    void allDdlIgnoresEveryDdl(EventType ddl) {
        IgnoredEventTypes ignored = IgnoredEventTypes.parse(List.of("all ddl"));
        assertThat(ignored.ignores(ddl)).isTrue();
        assertThat(ignored.ignores(EventType.INSERT)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"RENAME_TABLE", "MODIFY_TABLE_COMMENT",
        "MODIFY_TABLE_CHARSET_AND_COLLATE", "ADD_TABLE_PARTITION", "DROP_TABLE_PARTITION", "TRUNCATE_TABLE_PARTITION",
        "EXCHANGE_TABLE_PARTITION", "REORGANIZE_TABLE_PARTITION", "ALTER_TABLE_PARTITIONING",
        "REMOVE_TABLE_PARTITIONING", "ADD_COLUMN", "DROP_COLUMN", "MODIFY_COLUMN", "SET_DEFAULT_VALUE",
        "REBASE_AUTO_ID", "ADD_PRIMARY_KEY", "DROP_PRIMARY_KEY", "CREATE_INDEX", "DROP_INDEX", "RENAME_INDEX",
        "ALTER_INDEX_VISIBILITY", "ALTER_TTL_INFO", "ALTER_TTL_REMOVE", "MULTI_SCHEMA_CHANGE", "ALTER_TABLE"})
    void alterTableIgnoresItsSubKinds(EventType subKind) {
        assertThat(IgnoredEventTypes.parse(List.of("alter table")).ignores(subKind)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"CREATE_TABLE", "DROP_TABLE", "TRUNCATE_TABLE", "RECOVER_TABLE",
        "CREATE_VIEW", "DROP_VIEW", "CREATE_SCHEMA", "DROP_SCHEMA", "MODIFY_SCHEMA_CHARSET_AND_COLLATE",
        "ADD_FOREIGN_KEY", "DROP_FOREIGN_KEY", "INSERT", "UPDATE", "DELETE"})
    void alterTableDoesNotIgnoreOtherKinds(EventType other) {
        assertThat(IgnoredEventTypes.parse(List.of("alter table")).ignores(other)).isFalse();
    }

    @Test
    void anEmptyListIgnoresNothing() {
        IgnoredEventTypes ignored = IgnoredEventTypes.parse(List.of());
        assertThat(Arrays.stream(EventType.values()).filter(ignored::ignores)).isEmpty();
    }
}
