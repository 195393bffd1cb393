package io.cdc4j.bench.workload;

/**
 * How much the workload writes.
 *
 * @param tables how many sbtest tables
 * @param rowsPerTable rows inserted into each table in the insert phase
 * @param rowsPerTransaction rows per transaction in the insert, update and delete phases
 * @param mixedTransactions small transactions (2 inserts, 1 update, 1 delete) of the mixed phase
 * @param hugeTransactionRows rows of the one huge transaction
 */
public record WorkloadSize(int tables, int rowsPerTable, int rowsPerTransaction, int mixedTransactions,
                           int hugeTransactionRows) {
    public WorkloadSize {
        if (tables < 1 || rowsPerTable < 4 || rowsPerTransaction < 1 || mixedTransactions < 0
                || hugeTransactionRows < 0) {
            throw new IllegalArgumentException("bad workload size " + tables + "/" + rowsPerTable + "/"
                    + rowsPerTransaction + "/" + mixedTransactions + "/" + hugeTransactionRows);
        }
    }

    /** Rows updated in each table in the update phase: half of them. */
    public int updatedPerTable() {
        return rowsPerTable / 2;
    }

    /** Rows deleted from each table in the delete phase: the last eighth. */
    public int deletedPerTable() {
        return rowsPerTable / 8;
    }
}
