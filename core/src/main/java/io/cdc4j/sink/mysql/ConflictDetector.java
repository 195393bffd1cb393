package io.cdc4j.sink.mysql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keeps changes to the same key in order across parallel workers: each slot remembers the latest transaction that
 * hashed to it; a new transaction depends on the unfinished ones in its slots, and may only go to a worker once
 * every dependency is either finished or queued on that same worker (whose FIFO keeps the order).
 */
final class ConflictDetector {
    private final TxnNode[] slots = new TxnNode[ConflictKeys.SLOTS];

    /** Enters {@code node} into its slots and returns the unfinished transactions it depends on. */
    synchronized List<TxnNode> register(TxnNode node) {
        Set<TxnNode> dependencies = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int slot : node.slots()) {
            TxnNode previous = slots[slot];
            if (previous != null && !previous.finished()) {
                dependencies.add(previous);
            }
            slots[slot] = node;
        }
        return new ArrayList<>(dependencies);
    }

    /**
     * Waits until the dependencies allow a worker: returns the one worker all unfinished dependencies are queued on,
     * or -1 when none is left unfinished (any worker will do).
     *
     * @throws IllegalStateException when {@code abandoned} says the sink has failed or closed meanwhile
     */
    synchronized int awaitWorker(List<TxnNode> dependencies, BooleanSupplier abandoned) throws InterruptedException {
        while (true) {
            dependencies.removeIf(TxnNode::finished);
            if (dependencies.isEmpty()) {
                return -1;
            }
            int worker = dependencies.getFirst().worker();
            if (dependencies.stream().allMatch(dependency -> dependency.worker() == worker)) {
                return worker;
            }
            if (abandoned.getAsBoolean()) {
                throw new IllegalStateException("the sink stopped while a transaction waited for conflicting ones");
            }
            wait(100);
        }
    }

    /**
     * Marks transactions committed and wakes whoever waits for them; a slot still naming one of them is emptied, so
     * that committed rows are not kept alive by the slots.
     */
    synchronized void finished(List<TxnNode> nodes) {
        for (TxnNode node : nodes) {
            node.finish();
            for (int slot : node.slots()) {
                if (slots[slot] == node) {
                    slots[slot] = null;
                }
            }
        }
        notifyAll();
    }

    /** Slots that name a transaction. */
    synchronized int occupiedSlots() {
        int occupied = 0;
        for (TxnNode node : slots) {
            if (node != null) {
                occupied++;
            }
        }
        return occupied;
    }
}
