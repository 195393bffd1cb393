package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.mounter.Mounter;
import io.cdc4j.upstream.decode.CollationCharsets;
import io.cdc4j.upstream.decode.ColumnHints;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Framed parts decoded off the binlog thread, in any order and by any thread, still reach the sink as the binlog
 * has them: the assembler's parts decoded by racing threads, a {@link Mounter}, or the delivering thread itself.
 */
class ParallelDecodingTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final ReaderPosition START = new ReaderPosition("binlog.000001", 4, "", T0 - 60_000, 0);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** What the assembler hands on, framed parts undecoded, in order. */
    private final List<Object> handedOn = new ArrayList<>();
    private final InMemoryTableIdAllocator tableIds = new InMemoryTableIdAllocator(1);

    private TransactionAssembler assembler(int batchRows, PartPrefetcher prefetcher, Predicate<TableName> tables) {
        return assembler(batchRows, prefetcher, tables, id -> true);
    }

    private TransactionAssembler assembler(int batchRows, PartPrefetcher prefetcher, Predicate<TableName> tables,
                                           LongPredicate tableIdsWanted) {
        return new TransactionAssembler(new ResumePoint(START, -1), (event, bytes) -> {
            handedOn.add(event);
            if (event instanceof FramedRows part) {
                prefetcher.offer(part);
            }
        }, new TableMapInterpreter(new CollationCharsets(Map.of())), tableIds, (table, at) -> ColumnHints.NONE,
                () -> T0 + 3_600_000, batchRows, 1 << 20, tables, tableIdsWanted);
    }

    private TransactionAssembler assembler(int batchRows) {
        return assembler(batchRows, PartPrefetcher.NONE, name -> true);
    }

    @Test
    void partsDecodedLastFirstByAnotherThreadAreDeliveredInBinlogOrder() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        binlog.mariaGtid(1, T0, 12).tableMap().write(1, 2, 3).write(4, 5).xid();
        binlog.mariaGtid(2, T0, 12).tableMap().write(6).xid();
        binlog.mariaGtid(3, T0 + 1000, 12).tableMap().write(7, 8, 9, 10).xid();
        binlog.feed(assembler(2));
        List<FramedRows> parts = parts();
        assertThat(parts).hasSize(6);

        AtomicInteger decodedByWorker = new AtomicInteger();
        Thread worker = Thread.ofPlatform().start(() -> {
            for (int i = parts.size() - 1; i >= 0; i--) {
                if (parts.get(i).decodeIfUnclaimed()) {
                    decodedByWorker.incrementAndGet();
                }
            }
        });
        worker.join(DEADLINE.toMillis());
        assertThat(decodedByWorker.get()).isEqualTo(6);

        List<ChangeEvent> delivered = deliver();
        assertThat(values(delivered)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(batches(delivered)).extracting(RowBatch::part).containsExactly(0, 1, 2, 0, 0, 1);
        assertThat(delivered).extracting(e -> e.getClass().getSimpleName()).containsExactly("RowBatch", "RowBatch",
                "RowBatch", "TransactionCommit", "RowBatch", "TransactionCommit", "RowBatch", "RowBatch",
                "TransactionCommit");
    }

    @Test
    void threadsRacingForAPartDecodeItExactlyOnce() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        for (int i = 1; i <= 50; i++) {
            binlog.mariaGtid(i, T0, 12).tableMap().write(i, i + 1000).xid();
        }
        binlog.feed(assembler(1024));
        List<FramedRows> parts = parts();
        AtomicInteger decodes = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (FramedRows part : parts) {
                    if (part.decodeIfUnclaimed()) {
                        decodes.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(DEADLINE.toMillis());
        }
        assertThat(decodes.get()).isEqualTo(50);
        assertThat(parts).allMatch(FramedRows::isDecoded);
        assertThat(values(deliver())).hasSize(100);
    }

    @Test
    void aTableReMappedByADdlBetweenPartsDecodesEachPartUnderItsOwnMapping() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        binlog.mariaGtid(1, T0, 12).tableMap(1).write(1, 2).xid();
        binlog.mariaGtid(2, T0, 41).query("ALTER TABLE d.t ADD COLUMN v INT NOT NULL");
        binlog.mariaGtid(3, T0, 12).tableMap(2).writeColumns(2, 3, 30, 4, 40).xid();
        binlog.feed(assembler(1024));
        // nothing decoded until every event is framed, the second mapping included
        List<FramedRows> parts = parts();
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).decodeIfUnclaimed();
        }
        List<ChangeEvent> delivered = deliver();
        assertThat(delivered).extracting(e -> e.getClass().getSimpleName()).containsExactly("RowBatch",
                "TransactionCommit", "DdlEvent", "TransactionCommit", "RowBatch", "TransactionCommit");
        List<RowChange> rows = rows(delivered);
        assertThat(rows.get(0).table().columns()).hasSize(1);
        assertThat(rows.get(2).table().columns()).hasSize(2);
        assertThat(rows).extracting(row -> row.after().orElseThrow().size()).containsExactly(1, 1, 2, 2);
        assertThat(rows.get(3).after().orElseThrow().value(1)).contains(40L);
        DdlEvent ddl = (DdlEvent) delivered.get(2);
        assertThat(rows.get(2).commitTs()).isGreaterThan(ddl.commitTs());
    }

    @Test
    void aTransactionAcrossPartsDecodedByAMounterArrivesWholeAndInOrder() throws Exception {
        try (Mounter mounter = new Mounter("test", 2)) {
            BinlogEvents binlog = new BinlogEvents();
            binlog.mariaGtid(1, T0, 12).tableMap().write(1, 2).write(3, 4, 5, 6).write(7).xid();
            binlog.mariaGtid(2, T0, 12).tableMap().write(8, 9, 10, 11, 12, 13, 14).xid();
            binlog.feed(assembler(3, mounter, name -> true));
            List<ChangeEvent> delivered = deliver();
            assertThat(values(delivered)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L,
                    14L);
            List<RowBatch> batches = batches(delivered);
            assertThat(batches).extracting(RowBatch::part).containsExactly(0, 1, 2, 0, 1, 2);
            assertThat(batches).extracting(batch -> batch.rows().size()).containsExactly(3, 3, 1, 3, 3, 1);
            long firstTs = batches.getFirst().commitTs();
            assertThat(batches.subList(0, 3)).allMatch(batch -> batch.commitTs() == firstTs);
            assertThat(batches.get(3).commitTs()).isGreaterThan(firstTs);
        }
    }

    @Test
    void theDeliveringThreadWaitsForAPartAnotherThreadClaimedAndGetsItsRows() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        binlog.mariaGtid(1, T0, 12).tableMap().write(1, 2).xid();
        binlog.feed(assembler(1024));
        FramedRows part = parts().getFirst();
        assertThat(part.claim()).isTrue();

        AtomicReference<RowBatch> got = new AtomicReference<>();
        Thread dispatch = Thread.ofPlatform().start(() -> {
            try {
                got.set(part.rows());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await(() -> dispatch.getState() == Thread.State.WAITING);
        assertThat(got.get()).isNull();
        assertThat(part.decodeIfUnclaimed()).as("claimed already").isFalse();

        part.decodeClaimed();
        dispatch.join(DEADLINE.toMillis());
        assertThat(got.get().rows()).extracting(row -> row.after().orElseThrow().value(0).orElseThrow())
                .containsExactly(1L, 2L);
    }

    @Test
    void aPartThatCannotBeDecodedFailsTheDeliveryNamingTheEventsPosition() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        binlog.mariaGtid(1, T0, 12).tableMap(2).writeMinimal(5);
        long at = binlog.lastStart();
        binlog.xid();
        try (Mounter mounter = new Mounter("test", 1)) {
            binlog.feed(assembler(1024, mounter, name -> true));
            FramedRows part = parts().getFirst();
            await(part::isDecoded);
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(part::rows).isInstanceOfSatisfying(CdcException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_BINLOG_READ);
                    assertThat(e.getMessage()).contains("binlog.000001:" + at).contains("`d`.`t`")
                            .contains("binlog_row_image must be FULL");
                });
            }
        }
        handedOn.clear();
        BinlogEvents inline = new BinlogEvents();
        inline.mariaGtid(1, T0, 12).tableMap(2).writeMinimal(5).xid();
        inline.feed(assembler(1024));
        assertThatThrownBy(() -> parts().getFirst().rows()).isInstanceOf(CdcException.class)
                .hasMessageContaining("binlog.000001:" + at);
    }

    @Test
    void rowsOfATableTheFilterDropsAreNotHandedOnButItsDdlCommitsAndTableIdAre() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        binlog.mariaGtid(1, T0, 12).tableMap("skipped", 1).write(1, 2).xid();
        binlog.mariaGtid(2, T0, 41).query("ALTER TABLE d.skipped ADD COLUMN v INT");
        binlog.mariaGtid(3, T0, 76).tableMap("skipped", 1).write(3).query("XA END X'7831',X'',1")
                .xaPrepare("x1", false);
        binlog.mariaGtid(4, T0, 12).tableMap("t", 1).write(4).xid();
        binlog.mariaGtid(5, T0 + 1000, 141).query("XA COMMIT X'7831',X'',1");
        binlog.feed(assembler(1024, PartPrefetcher.NONE, name -> !name.table().equals("skipped")));
        List<ChangeEvent> delivered = deliver();
        assertThat(delivered).extracting(e -> e.getClass().getSimpleName()).containsExactly("TransactionCommit",
                "DdlEvent", "TransactionCommit", "RowBatch", "TransactionCommit", "TransactionCommit");
        assertThat(values(delivered)).containsExactly(4L);
        TransactionCommit last = (TransactionCommit) delivered.getLast();
        assertThat(last.position().tableIds().ids()).containsKeys("`d`.`skipped`", "`d`.`t`");
    }

    @Test
    void aShareOfTheTablesGetsOnlyItsTablesRowsYetEveryTableItsIdInBinlogOrder() throws Exception {
        BinlogEvents binlog = new BinlogEvents();
        binlog.mariaGtid(1, T0, 12).tableMap("a", 1).write(1).tableMap("b", 1).write(2).xid();
        binlog.mariaGtid(2, T0, 41).query("ALTER TABLE d.a ADD COLUMN v INT");
        binlog.mariaGtid(3, T0, 12).tableMap("c", 1).write(3).tableMap("b", 1).write(4).xid();
        binlog.feed(assembler(1024, PartPrefetcher.NONE, name -> true, id -> id == 2));
        List<ChangeEvent> delivered = deliver();
        assertThat(values(delivered)).as("only table b (id 2) is decoded and handed on").containsExactly(2L, 4L);
        assertThat(parts()).as("the other tables' rows are dropped before they are framed").hasSize(2);
        assertThat(delivered).extracting(e -> e.getClass().getSimpleName()).containsExactly("RowBatch",
                "TransactionCommit", "DdlEvent", "TransactionCommit", "RowBatch", "TransactionCommit");
        TransactionCommit last = (TransactionCommit) delivered.getLast();
        assertThat(last.position().tableIds().ids()).as("ids as every capture gives them, reading the same binlog")
                .containsEntry("`d`.`a`", 1L).containsEntry("`d`.`b`", 2L).containsEntry("`d`.`c`", 3L);
    }

    private List<FramedRows> parts() {
        return handedOn.stream().filter(FramedRows.class::isInstance).map(FramedRows.class::cast).toList();
    }

    /** What the dispatch thread hands the sink: the events in order, each part's rows once decoded. */
    private List<ChangeEvent> deliver() throws InterruptedException {
        List<ChangeEvent> delivered = new ArrayList<>();
        for (Object event : handedOn) {
            delivered.add(TransactionAssemblerTest.decoded(event));
        }
        return delivered;
    }

    private static List<RowBatch> batches(List<ChangeEvent> events) {
        return events.stream().filter(RowBatch.class::isInstance).map(RowBatch.class::cast).toList();
    }

    private static List<RowChange> rows(List<ChangeEvent> events) {
        return batches(events).stream().flatMap(batch -> batch.rows().stream()).toList();
    }

    private static List<Object> values(List<ChangeEvent> events) {
        return rows(events).stream().map(row -> row.after().orElseThrow().value(0).orElseThrow()).toList();
    }

    private static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            Thread.onSpinWait();
        }
    }
}
