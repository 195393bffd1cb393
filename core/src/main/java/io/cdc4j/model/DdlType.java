package io.cdc4j.model;

/** The kind of a DDL statement, as far as replication cares. */
public enum DdlType {
    CREATE_TABLE, DROP_TABLE, RENAME_TABLE, TRUNCATE_TABLE, ALTER_TABLE,
    ADD_COLUMN, DROP_COLUMN, CREATE_INDEX, DROP_INDEX,
    CREATE_DATABASE, DROP_DATABASE, OTHER
}
