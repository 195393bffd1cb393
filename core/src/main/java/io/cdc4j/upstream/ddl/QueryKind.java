package io.cdc4j.upstream.ddl;

/** What a QUERY event in a row-format binlog means to the transaction assembler. */
public enum QueryKind {
    /** BEGIN / START TRANSACTION: a transaction opens (MySQL; MariaDB often sends it too). */
    BEGIN,
    /** COMMIT, or {@code XA COMMIT ... ONE PHASE} (non-transactional engines end their group with COMMIT). */
    COMMIT,
    /** ROLLBACK: the open transaction's rows are dropped. */
    ROLLBACK,
    /** {@code SAVEPOINT name}: the server writes it only in a transaction that also changed a non-transactional table. */
    SAVEPOINT,
    /** {@code ROLLBACK TO [SAVEPOINT] name}: the rows after that savepoint are undone (those of transactional tables). */
    ROLLBACK_TO_SAVEPOINT,
    /** {@code XA START xid}: an XA transaction opens (MySQL writes it; MariaDB flags its GTID instead). */
    XA_START,
    /** {@code XA END xid}: the XA transaction's rows are complete; its XA_PREPARE event follows. */
    XA_END,
    /** {@code XA COMMIT xid}: a prepared XA transaction commits, in its own group. */
    XA_COMMIT,
    /** {@code XA ROLLBACK xid}: a prepared XA transaction is rolled back, in its own group. */
    XA_ROLLBACK,
    /** A table, schema, index or view DDL statement to replicate. */
    DDL,
    /**
     * A statement that changes rows, written as text (binlog_format STATEMENT or MIXED): its rows are not in
     * the binlog, so it cannot be replicated.
     */
    STATEMENT_DML,
    /** Nothing to replicate (RELEASE SAVEPOINT, GRANT, FLUSH, routines, triggers, events, users, temporary tables ...). */
    IGNORED
}
