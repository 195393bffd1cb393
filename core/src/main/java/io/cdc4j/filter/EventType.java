package io.cdc4j.filter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event kinds an event filter's {@code ignore_event} can name, spelled as TiCDC spells them. Besides
 * the kinds of actual events there are umbrellas: {@code all dml}, {@code all ddl}, and {@code alter table}
 * (which also covers every ALTER TABLE sub-kind).
 */
public enum EventType {
    ALL_DML(Group.ALL_DML, "all dml"),
    ALL_DDL(Group.ALL_DDL, "all ddl"),
    INSERT(Group.DML, "insert"),
    UPDATE(Group.DML, "update"),
    DELETE(Group.DML, "delete"),
    CREATE_SCHEMA(Group.DDL, "create schema", "create database"),
    DROP_SCHEMA(Group.DDL, "drop schema", "drop database"),
    MODIFY_SCHEMA_CHARSET_AND_COLLATE(Group.DDL, "modify schema charset and collate"),
    CREATE_TABLE(Group.DDL, "create table"),
    DROP_TABLE(Group.DDL, "drop table"),
    RENAME_TABLE(Group.ALTER_TABLE_PART, "rename table"),
    TRUNCATE_TABLE(Group.DDL, "truncate table"),
    RECOVER_TABLE(Group.DDL, "recover table"),
    MODIFY_TABLE_COMMENT(Group.ALTER_TABLE_PART, "modify table comment"),
    MODIFY_TABLE_CHARSET_AND_COLLATE(Group.ALTER_TABLE_PART, "modify table charset and collate"),
    CREATE_VIEW(Group.DDL, "create view"),
    DROP_VIEW(Group.DDL, "drop view"),
    ADD_TABLE_PARTITION(Group.ALTER_TABLE_PART, "add table partition"),
    DROP_TABLE_PARTITION(Group.ALTER_TABLE_PART, "drop table partition"),
    TRUNCATE_TABLE_PARTITION(Group.ALTER_TABLE_PART, "truncate table partition"),
    EXCHANGE_TABLE_PARTITION(Group.ALTER_TABLE_PART, "exchange table partition"),
    REORGANIZE_TABLE_PARTITION(Group.ALTER_TABLE_PART, "reorganize table partition"),
    ALTER_TABLE_PARTITIONING(Group.ALTER_TABLE_PART, "alter table partitioning"),
    REMOVE_TABLE_PARTITIONING(Group.ALTER_TABLE_PART, "remove table partitioning"),
    ADD_COLUMN(Group.ALTER_TABLE_PART, "add column"),
    DROP_COLUMN(Group.ALTER_TABLE_PART, "drop column"),
    MODIFY_COLUMN(Group.ALTER_TABLE_PART, "modify column"),
    SET_DEFAULT_VALUE(Group.ALTER_TABLE_PART, "set default value"),
    REBASE_AUTO_ID(Group.ALTER_TABLE_PART, "rebase auto id"),
    ADD_PRIMARY_KEY(Group.ALTER_TABLE_PART, "add primary key"),
    DROP_PRIMARY_KEY(Group.ALTER_TABLE_PART, "drop primary key"),
    CREATE_INDEX(Group.ALTER_TABLE_PART, "create index"),
    DROP_INDEX(Group.ALTER_TABLE_PART, "drop index"),
    RENAME_INDEX(Group.ALTER_TABLE_PART, "rename index"),
    ALTER_INDEX_VISIBILITY(Group.ALTER_TABLE_PART, "alter index visibility"),
    ALTER_TTL_INFO(Group.ALTER_TABLE_PART, "alter ttl info"),
    ALTER_TTL_REMOVE(Group.ALTER_TABLE_PART, "alter ttl remove"),
    MULTI_SCHEMA_CHANGE(Group.ALTER_TABLE_PART, "multi schema change"),
    ADD_FOREIGN_KEY(Group.DDL, "add foreign key"),
    DROP_FOREIGN_KEY(Group.DDL, "drop foreign key"),
    ALTER_TABLE(Group.ALTER_TABLE, "alter table");

    private static final Map<String, EventType> BY_NAME = Stream.of(values())
            .flatMap(type -> type.names.stream().map(name -> Map.entry(name, type)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final Group group;
    private final List<String> names;

    EventType(Group group, String... names) {
        this.group = group;
        this.names = List.of(names);
    }

    /** The type an {@code ignore_event} value names; only TiCDC's exact lower-case spellings are known. */
    public static Optional<EventType> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The spelling TiCDC uses for the type (the first, when it has an alias). */
    public String typeName() {
        return names.getFirst();
    }

    /** Every accepted spelling, aliases included. */
    public List<String> names() {
        return names;
    }

    /** Whether ignoring this type also ignores an event of the {@code actual} type. */
    public boolean covers(EventType actual) {
        return switch (group) {
            case ALL_DML -> actual.group == Group.DML;
            case ALL_DDL -> actual.isDdl();
            case ALTER_TABLE -> actual == this || actual.group == Group.ALTER_TABLE_PART;
            case DML, DDL, ALTER_TABLE_PART -> actual == this;
        };
    }

    private boolean isDdl() {
        return group == Group.DDL || group == Group.ALTER_TABLE_PART || group == Group.ALTER_TABLE;
    }

    private enum Group {
        ALL_DML, ALL_DDL, DML, DDL, ALTER_TABLE_PART, ALTER_TABLE
    }
}
