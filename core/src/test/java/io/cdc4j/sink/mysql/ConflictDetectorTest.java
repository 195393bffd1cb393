package io.cdc4j.sink.mysql;

import static io.cdc4j.sink.mysql.Rows.TS;
import static io.cdc4j.sink.mysql.Rows.insert;
import static io.cdc4j.sink.mysql.Rows.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.RowChange;
import io.cdc4j.sink.NetEffectFolder;
import io.cdc4j.sink.TableTxn;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConflictDetectorTest {
    private static TxnNode node(RowChange... rows) {
        TableTxn txn = NetEffectFolder.fold(TS, List.of(rows)).getFirst();
        return new TxnNode(txn, ConflictKeys.slots(txn), new SealedGroup(List.of(), 1));
    }

    @Test
    void keysOfOldAndNewImagesConflictAndOtherKeysDoNot() {
        ConflictDetector detector = new ConflictDetector();
        TxnNode first = node(insert(1, "a"));
        assertThat(detector.register(first)).isEmpty();
        first.assign(0);
        TxnNode unrelated = node(insert(2, "b"));
        assertThat(detector.register(unrelated)).isEmpty();
        unrelated.assign(1);
        TxnNode movesKeyOne = node(update(1, "a", 3, "a"));
        assertThat(detector.register(movesKeyOne)).containsExactly(first);
        movesKeyOne.assign(0);
        TxnNode usesKeyThree = node(update(3, "a", 3, "b"));
        assertThat(detector.register(usesKeyThree)).containsExactly(movesKeyOne);
    }

    @Test
    void committedTransactionsLeaveNoSlotNamingThemSoTheirRowsCanBeFreed() {
        ConflictDetector detector = new ConflictDetector();
        TxnNode first = node(insert(1, "a"), insert(2, "b"));
        detector.register(first);
        TxnNode second = node(update(2, "b", 2, "c"));
        assertThat(detector.register(second)).containsExactly(first);

        detector.finished(List.of(first));
        assertThat(detector.occupiedSlots()).as("only the second's slots").isEqualTo(second.slots().length);
        detector.finished(List.of(second));
        assertThat(detector.occupiedSlots()).isZero();
    }

    @Test
    void aTransactionFollowsItsDependenciesWorkerOrWaitsUntilTheyFinish() throws Exception {
        ConflictDetector detector = new ConflictDetector();
        TxnNode one = node(insert(1, "a"));
        detector.register(one);
        one.assign(0);
        TxnNode two = node(insert(2, "b"));
        detector.register(two);
        two.assign(1);
        TxnNode same = node(update(1, "a", 1, "c"));
        assertThat(detector.awaitWorker(detector.register(same), () -> false)).isEqualTo(0);
        same.assign(0);

        TxnNode both = node(update(1, "c", 1, "d"), update(2, "b", 2, "e"));
        List<TxnNode> dependencies = detector.register(both);
        CompletableFuture<Integer> worker = CompletableFuture.supplyAsync(() -> {
            try {
                return detector.awaitWorker(dependencies, () -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(worker).as("depends on workers 0 and 1: must wait").isNotDone();
        detector.finished(List.of(two));
        assertThat(worker.get(10, TimeUnit.SECONDS)).as("only worker 0's transactions are left").isEqualTo(0);
        detector.finished(List.of(one, same));
        assertThat(detector.awaitWorker(detector.register(node(insert(9, "z"))), () -> false)).isEqualTo(-1);
    }
}
