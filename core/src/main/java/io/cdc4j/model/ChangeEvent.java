package io.cdc4j.model;

/** What a binlog reader hands on, in binlog order. */
public sealed interface ChangeEvent permits RowBatch, DdlEvent, TransactionCommit, ResolvedTs {
    /** The commit ts of the transaction the event belongs to, or the resolved ts. */
    long ts();
}
