package io.cdc4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeMergerTest {
    private static Change.Row row(long ts, String id) {
        return new Change.Row(ts, "db", "t", RowKind.INSERT, List.of(new Change.Column("id", "int", id)),
                List.of("id"));
    }

    private static List<String> ids(List<Change> changes) {
        return changes.stream().map(change -> switch (change) {
            case Change.Row row -> row.columns().getFirst().value() + "@" + row.ts();
            case Change.Ddl ddl -> ddl.query() + "@" + ddl.ts();
            case Change.Watermark mark -> "w@" + mark.ts();
        }).toList();
    }

    @Test
    void aDdlSentToEveryPartitionGoesOutOnceBetweenTheRowsAroundIt() {
        ChangeMerger merger = new ChangeMerger(3);
        Change.Ddl ddl = new Change.Ddl(15, "db", "ALTER TABLE t ADD c INT");
        for (int partition = 0; partition < 3; partition++) {
            merger.add(partition, row(10 + partition, "r" + partition));
            merger.add(partition, ddl);
            merger.add(partition, row(20 + partition, "s" + partition));
            merger.add(partition, new Change.Watermark(30));
        }
        assertThat(ids(merger.drain())).containsExactly("r0@10", "r1@11", "r2@12", "ALTER TABLE t ADD c INT@15",
                "s0@20", "s1@21", "s2@22");
        merger.add(2, ddl);
        assertThat(merger.drain()).as("a late copy is a replay").isEmpty();
    }

    @Test
    void nothingGoesOutUntilEveryPartitionHasAWatermarkThenAllInCommitOrder() {
        ChangeMerger merger = new ChangeMerger(2);
        merger.add(0, row(10, "a"));
        merger.add(1, row(5, "b"));
        merger.add(0, row(20, "c"));
        merger.add(0, new Change.Watermark(30));
        assertThat(merger.resolvedTs()).as("partition 1 has no watermark yet").isZero();
        assertThat(merger.drain()).isEmpty();
        merger.add(1, row(25, "d"));
        merger.add(1, new Change.Watermark(22));
        assertThat(ids(merger.drain())).containsExactly("b@5", "a@10", "c@20");
        assertThat(merger.waiting()).as("d waits for partition 1 to pass 25").isEqualTo(1);
        merger.add(1, new Change.Watermark(40));
        assertThat(ids(merger.drain())).containsExactly("d@25");
    }

    @Test
    void aDdlGoesOutAfterEveryEarlierRowOfEveryPartitionAndBeforeLaterOnes() {
        ChangeMerger merger = new ChangeMerger(2);
        merger.add(0, row(10, "a"));
        merger.add(0, new Change.Ddl(15, "db", "ALTER TABLE t ADD c INT"));
        merger.add(0, row(20, "b"));
        merger.add(1, row(12, "c"));
        merger.add(1, row(18, "d"));
        merger.add(0, new Change.Watermark(25));
        merger.add(1, new Change.Watermark(25));
        assertThat(ids(merger.drain())).containsExactly("a@10", "c@12", "ALTER TABLE t ADD c INT@15", "d@18",
                "b@20");
    }

    @Test
    void aTransactionsRowsKeepTheOrderTheyWereRead() {
        ChangeMerger merger = new ChangeMerger(1);
        merger.add(0, row(10, "first"));
        merger.add(0, row(10, "second"));
        merger.add(0, row(10, "third"));
        merger.add(0, new Change.Watermark(10));
        assertThat(ids(merger.drain())).containsExactly("first@10", "second@10", "third@10");
    }

    @Test
    void changesSentAgainAfterARetryNeverUndoWhatCameAfterThem() {
        ChangeMerger merger = new ChangeMerger(1);
        merger.add(0, row(10, "v1"));
        merger.add(0, row(20, "v2"));
        merger.add(0, new Change.Watermark(15));
        assertThat(ids(merger.drain())).containsExactly("v1@10");
        merger.add(0, row(10, "v1"));
        merger.add(0, row(20, "v2"));
        merger.add(0, row(30, "v3"));
        merger.add(0, new Change.Watermark(30));
        assertThat(ids(merger.drain())).as("the replayed ts 10 is dropped, the pending ts 20 comes twice in a row")
                .containsExactly("v2@20", "v2@20", "v3@30");
        assertThat(merger.replays()).isEqualTo(1);
    }

    @Test
    void anOlderWatermarkDoesNotMoveThePartitionBack() {
        ChangeMerger merger = new ChangeMerger(1);
        merger.add(0, new Change.Watermark(50));
        merger.add(0, new Change.Watermark(40));
        assertThat(merger.resolvedTs()).isEqualTo(50);
    }
}
