package io.cdc4j.upstream.ddl;

/** What a QUERY event in a row-format binlog means to the transaction assembler. */
public enum QueryKind {
    /** BEGIN / XA START: a transaction opens (MySQL; MariaDB often sends it too). */
    BEGIN,
    /** COMMIT / XA COMMIT (non-transactional engines end their group with it). */
    COMMIT,
    /** ROLLBACK: the open transaction's rows are dropped. */
    ROLLBACK,
    /** A DDL statement to replicate. */
    DDL,
    /** Nothing to replicate (SAVEPOINT, GRANT, FLUSH, SET, ...). */
    IGNORED
}
