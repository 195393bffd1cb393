package io.cdc4j.model;

/** What a row change does. */
public enum RowKind {
    INSERT, UPDATE, DELETE
}
