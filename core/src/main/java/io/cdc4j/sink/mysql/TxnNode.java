package io.cdc4j.sink.mysql;

import io.cdc4j.sink.TableTxn;
import java.util.Objects;

/** A table transaction on its way through conflict detection to a worker, with the slots its keys hash to. */
final class TxnNode {
    private final TableTxn txn;
    private final int[] slots;
    private final SealedGroup group;
    private volatile int worker = -1;
    private volatile boolean finished;

    TxnNode(TableTxn txn, int[] slots, SealedGroup group) {
        this.txn = Objects.requireNonNull(txn, "txn");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.group = Objects.requireNonNull(group, "group");
    }

    /** The parts of the upstream transaction it was folded from, completed with it. */
    SealedGroup group() {
        return group;
    }

    TableTxn txn() {
        return txn;
    }

    int[] slots() {
        return slots;
    }

    /** The worker it was given to; -1 before that. */
    int worker() {
        return worker;
    }

    void assign(int index) {
        worker = index;
    }

    /** Whether the downstream has committed it. */
    boolean finished() {
        return finished;
    }

    void finish() {
        finished = true;
    }
}
