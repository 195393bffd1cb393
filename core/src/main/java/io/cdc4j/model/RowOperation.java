package io.cdc4j.model;

/** What a row change did to its row. */
public enum RowOperation {
    INSERT,
    UPDATE,
    DELETE
}
