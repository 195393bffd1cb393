package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.EventType;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.model.Tso;
import io.cdc4j.upstream.decode.CollationCharsets;
import io.cdc4j.upstream.decode.ColumnHints;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assembler fed with binlog events built in memory, in the shapes MariaDB and MySQL write (see BinlogShapesIT). */
class TransactionAssemblerTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final ReaderPosition START = new ReaderPosition("binlog.000001", 4, "", T0 - 60_000, 0);

    private final List<ChangeEvent> out = new ArrayList<>();
    private final BinlogEvents binlog = new BinlogEvents();

    private TransactionAssembler assembler(ReaderPosition start, long skipUntil, int batchRows, long xaLimit) {
        return new TransactionAssembler(new ResumePoint(start, skipUntil), (event, bytes) -> out.add(decoded(event)),
                new TableMapInterpreter(new CollationCharsets(Map.of())), new InMemoryTableIdAllocator(1),
                (table, at) -> ColumnHints.NONE, () -> T0 + 3_600_000, batchRows, xaLimit);
    }

    private TransactionAssembler assembler() {
        return assembler(START, -1, 1024, 1 << 20);
    }

    @Test
    void aMariaDbTransactionIsOneBatchAndACommitAtTheGroupsEnd() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 12).annotate("INSERT").tableMap().write(1, 2).xid();
        binlog.feed(assembler);
        assertThat(out).hasSize(2);
        RowBatch batch = (RowBatch) out.get(0);
        assertThat(values(batch.rows())).containsExactly(1L, 2L);
        TransactionCommit commit = (TransactionCommit) out.get(1);
        assertThat(commit.commitTs()).isEqualTo(batch.commitTs()).isEqualTo(Tso.compose(T0, 0));
        assertThat(commit.position().binlogPosition()).isEqualTo(binlog.end());
        assertThat(commit.position().gtidSet()).isEqualTo("0-1-1");
        assertThat(assembler.boundary()).isEqualTo(commit.position());
    }

    @Test
    void aMySqlTransactionWithBeginAndANonTransactionalCommitAreAssembled() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.anonymousGtid(T0).query("BEGIN").tableMap().write(1).xid()
                .anonymousGtid(T0).query("BEGIN").tableMap().write(2).query("COMMIT");
        binlog.feed(assembler);
        assertThat(out).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RowBatch", "TransactionCommit", "RowBatch", "TransactionCommit");
        assertThat(out.get(3).ts()).isGreaterThan(out.get(1).ts());
    }

    @Test
    void largeTransactionsArriveInPartsOfBatchRows() throws Exception {
        TransactionAssembler assembler = assembler(START, -1, 2, 1 << 20);
        binlog.mariaGtid(1, T0, 12).tableMap().write(1, 2, 3, 4, 5).xid();
        binlog.feed(assembler);
        assertThat(out.stream().filter(RowBatch.class::isInstance).map(e -> ((RowBatch) e).part()))
                .containsExactly(0, 1, 2);
    }

    @Test
    void anXaTransactionIsHandedOnAtItsCommitWithTheCommitsTsAndDroppedAtRollback() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 76).tableMap().write(1).query("XA END X'7831',X'',1").xaPrepare("x1", false);
        long prepareStart = START.binlogPosition();
        binlog.mariaGtid(2, T0 + 1000, 12).tableMap().write(2).xid();
        binlog.mariaGtid(3, T0 + 2000, 76).tableMap().write(3).query("XA END X'7832',X'',1").xaPrepare("x2", false);
        binlog.mariaGtid(4, T0 + 3000, 141).query("XA COMMIT X'7831',X'',1");
        binlog.mariaGtid(5, T0 + 4000, 141).query("XA ROLLBACK X'7832',X'',1");
        binlog.mariaGtid(6, T0 + 5000, 12).tableMap().write(6).xid();
        binlog.feed(assembler);

        List<TransactionCommit> commits = commits();
        assertThat(commits).hasSize(4);
        assertThat(values(rows())).containsExactly(2L, 1L, 6L);
        RowChange xaRow = rows().get(1);
        assertThat(xaRow.commitTs()).isEqualTo(commits.get(1).commitTs()).isEqualTo(Tso.compose(T0 + 3000, 0));
        // while x1 is prepared, positions stay at the start of its group, with the clock as it was there
        assertThat(commits.get(0).position().binlogPosition()).isEqualTo(prepareStart);
        assertThat(commits.get(0).position().lastTs()).isEqualTo(START.lastTs());
        // after x1 commits, x2 (prepared before) holds them
        assertThat(commits.get(1).position().binlogPosition()).isEqualTo(binlog.groupStart(3));
        // after x2 rolls back nothing holds them
        assertThat(commits.get(2).position().binlogPosition()).isEqualTo(binlog.endOf(5));
        assertThat(commits.get(3).position()).isEqualTo(assembler.boundary());
    }

    @Test
    void aReaderStartedFromAPositionHeldByAPreparedXaHandsOnTheSameTransactionsWithTheSameTs() throws Exception {
        TransactionAssembler first = assembler();
        binlog.mariaGtid(1, T0, 12).tableMap().write(1).xid();
        binlog.mariaGtid(2, T0, 76).tableMap().write(2).query("XA END X'7831',X'',1").xaPrepare("x1", false);
        binlog.heartbeat();
        binlog.mariaGtid(3, T0, 12).tableMap().write(3).xid();
        binlog.heartbeat();
        binlog.mariaGtid(4, T0 + 1000, 12).tableMap().write(4).xid();
        binlog.mariaGtid(5, T0 + 1000, 141).query("XA COMMIT X'7831',X'',1");
        binlog.feed(first);
        List<TransactionCommit> delivered = commits();
        ReaderPosition held = delivered.get(1).position();
        assertThat(held.binlogPosition()).isEqualTo(binlog.groupStart(2));
        assertThat(out.stream().filter(ResolvedTs.class::isInstance).map(ChangeEvent::ts))
                .allMatch(ts -> ts <= delivered.get(1).commitTs());

        out.clear();
        TransactionAssembler second = assembler(held, -1, 1024, 1 << 20);
        binlog.feedFrom(second, held.binlogPosition());
        assertThat(commits()).extracting(TransactionCommit::commitTs)
                .containsExactlyElementsOf(delivered.subList(1, 4).stream().map(TransactionCommit::commitTs).toList());
        assertThat(values(rows())).containsExactly(3L, 4L, 2L);
        assertThat(rows().get(2).commitTs()).isEqualTo(delivered.get(3).commitTs());
    }

    @Test
    void aPreparedXaKeepsTheResolvedTsAndPositionWhileTheUpstreamIsIdle() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.heartbeat();
        binlog.mariaGtid(1, T0 + 3_700_000, 76).tableMap().write(1).query("XA END X'7831',X'',1")
                .xaPrepare("x1", false).heartbeat();
        binlog.feed(assembler);
        ResolvedTs before = (ResolvedTs) out.get(0);
        ResolvedTs during = (ResolvedTs) out.get(1);
        assertThat(before.ts()).isEqualTo(Tso.compose(T0 + 3_600_000, 0));
        assertThat(during.position()).isEqualTo(before.position());
        assertThat(during.ts()).isEqualTo(Tso.compose(T0 + 3_700_000, 0));
    }

    @Test
    void mySqlsXaShapesAreAssembled() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.anonymousGtid(T0).query("XA START X'6f6e65',X'',1").tableMap().write(1)
                .query("XA END X'6f6e65',X'',1").xaPrepare("one", true);
        binlog.anonymousGtid(T0).query("XA START X'74776f',X'',1").tableMap().write(2)
                .query("XA END X'74776f',X'',1").xaPrepare("two", false);
        binlog.anonymousGtid(T0 + 1000).query("XA COMMIT X'74776f',X'',1");
        binlog.feed(assembler);
        assertThat(values(rows())).containsExactly(1L, 2L);
        assertThat(commits()).hasSize(2);
        assertThat(rows().get(1).commitTs()).isEqualTo(commits().get(1).commitTs());
    }

    @Test
    void anXaPreparedBeforeAStartTsAndCommittedAfterItIsHandedOn() throws Exception {
        TransactionAssembler assembler = assembler(START, T0 + 10_000, 1024, 1 << 20);
        binlog.mariaGtid(1, T0, 12).tableMap().write(1).xid();
        binlog.mariaGtid(2, T0, 76).tableMap().write(2).query("XA END X'7831',X'',1").xaPrepare("x1", false);
        binlog.mariaGtid(3, T0 + 20_000, 141).query("XA COMMIT X'7831',X'',1");
        binlog.feed(assembler);
        assertThat(values(rows())).containsExactly(2L);
        assertThat(commits()).hasSize(1);
    }

    @Test
    void aPastStartKeepsTheStartsOwnSecondOnMariaDbAndItsOwnMillisecondOnMySqlCommitTimestamps() throws Exception {
        long start = T0 + 10_400;
        TransactionAssembler maria = assembler(START, start, 1024, 1 << 20);
        binlog.mariaGtid(1, T0 + 9_000, 0).tableMap().write(1).xid();
        binlog.mariaGtid(2, T0 + 10_000, 0).tableMap().write(2).xid();
        binlog.feed(maria);
        assertThat(values(rows())).as("second resolution: the start's own second is kept").containsExactly(2L);

        out.clear();
        BinlogEvents mysql = new BinlogEvents();
        TransactionAssembler assembler = assembler(START, start, 1024, 1 << 20);
        mysql.mysqlGtid(1, (start - 1) * 1000 + 999).query("BEGIN").tableMap().write(1).xid();
        mysql.mysqlGtid(2, start * 1000).query("BEGIN").tableMap().write(2).xid();
        mysql.mysqlGtid(3, start * 1000 + 1).query("BEGIN").tableMap().write(3).xid();
        mysql.feed(assembler);
        assertThat(values(rows())).as("microsecond commit timestamps: skipped up to the start's millisecond")
                .containsExactly(2L, 3L);
        assertThat(commits().getFirst().commitTs()).isGreaterThan(Tso.compose(START.lastPhysical(), 0))
                .isEqualTo(Tso.compose(start, 0));
    }

    @Test
    void anXaCommitWhosePrepareWasNeverReadFailsTheReader() {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 141).query("XA COMMIT X'7831',X'',1");
        assertThatThrownBy(() -> binlog.feed(assembler)).isInstanceOfSatisfying(CdcException.class, e ->
                assertThat(e.getMessage()).contains("XA COMMIT X'7831',X'',1").contains("binlog.000001:")
                        .contains("XA RECOVER"));
    }

    @Test
    void preparedXaRowsAboveTheLimitFailTheReaderNamingIt() {
        TransactionAssembler assembler = assembler(START, -1, 1024, 2000);
        binlog.mariaGtid(1, T0, 76).tableMap();
        for (int i = 0; i < 20; i++) {
            binlog.write(i);
        }
        assertThatThrownBy(() -> binlog.feed(assembler)).isInstanceOfSatisfying(CdcException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_BINLOG_READ);
            assertThat(e.getMessage()).contains("limit of 2000 bytes").contains("memory-quota");
        });
    }

    @Test
    void createTableSelectIsTheDdlThenItsRowsAsALaterTransactionWithPositionsAtTheGroupsEnds() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 40).query("CREATE TABLE `d`.`t` (`id` int(11) NOT NULL)").annotate("CREATE ... SELECT")
                .tableMap().write(1, 2).xid();
        binlog.mariaGtid(2, T0, 12).tableMap().write(3).xid();
        binlog.feed(assembler);
        assertThat(out).extracting(e -> e.getClass().getSimpleName()).containsExactly("DdlEvent",
                "TransactionCommit", "RowBatch", "TransactionCommit", "RowBatch", "TransactionCommit");
        DdlEvent ddl = (DdlEvent) out.get(0);
        assertThat(ddl.type()).isEqualTo(DdlType.CREATE_TABLE);
        TransactionCommit ddlCommit = (TransactionCommit) out.get(1);
        assertThat(ddlCommit.position()).isEqualTo(START);
        RowBatch rows = (RowBatch) out.get(2);
        assertThat(rows.commitTs()).isGreaterThan(ddl.commitTs());
        TransactionCommit rowsCommit = (TransactionCommit) out.get(3);
        assertThat(rowsCommit.commitTs()).isEqualTo(rows.commitTs());
        assertThat(rowsCommit.position().binlogPosition()).isEqualTo(binlog.endOf(1));
        assertThat(out.get(5).ts()).isGreaterThan(rowsCommit.commitTs());
    }

    @Test
    void mySqlsAtomicCreateTableSelectLosesItsStartTransaction() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.anonymousGtid(T0).query("CREATE TABLE `t` (\n `id` int NOT NULL\n) START TRANSACTION").tableMap()
                .write(1).xid();
        binlog.feed(assembler);
        DdlEvent ddl = (DdlEvent) out.get(0);
        assertThat(ddl.query()).isEqualTo("CREATE TABLE `t` (\n `id` int NOT NULL\n)");
        assertThat(ddl.type()).isEqualTo(DdlType.CREATE_TABLE);
        assertThat(values(rows())).containsExactly(1L);
        assertThat(commits()).hasSize(2);
        assertThat(commits().get(1).position().binlogPosition()).isEqualTo(binlog.end());
    }

    @Test
    void statementFormatDmlFailsTheReaderWithTheStatementThePositionAndTheFix() {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 12).query("INSERT INTO d.t   VALUES (10, 10)").xid();
        assertThatThrownBy(() -> binlog.feed(assembler)).isInstanceOfSatisfying(CdcException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_PREREQUISITE);
            assertThat(e.getMessage()).contains("binlog.000001:" + binlog.startOfQuery())
                    .contains("INSERT INTO d.t VALUES (10, 10)").contains("statement format")
                    .contains("binlog_format=ROW").contains("start-ts");
        });
        assertThat(out).isEmpty();
    }

    @Test
    void statementFormatDmlBeforeTheStartTsIsNotReplicatedAnyway() throws Exception {
        TransactionAssembler assembler = assembler(START, T0 + 10_000, 1024, 1 << 20);
        binlog.mariaGtid(1, T0, 12).query("UPDATE d.t SET v = 1").xid();
        binlog.mariaGtid(2, T0 + 20_000, 12).tableMap().write(1).xid();
        binlog.feed(assembler);
        assertThat(values(rows())).containsExactly(1L);
    }

    @Test
    void eventsThatCannotBeReadFailTheReaderNamingThemAndTheirPosition() {
        for (EventType type : List.of(EventType.TRANSACTION_PAYLOAD, EventType.PARTIAL_UPDATE_ROWS_EVENT,
                EventType.INCIDENT, EventType.UNKNOWN, EventType.EXECUTE_LOAD_QUERY, EventType.GTID_TAGGED)) {
            BinlogEvents events = new BinlogEvents();
            events.mariaGtid(1, T0, 12).bare(type);
            long at = events.startOf(events.size() - 1);
            assertThatThrownBy(() -> events.feed(assembler())).as(type.name())
                    .isInstanceOfSatisfying(CdcException.class, e -> assertThat(e.getMessage())
                            .contains("binlog.000001:" + at)
                            .containsAnyOf(type.name().replace("_EVENT", ""), "type this reader does not know"));
        }
        BinlogEvents compressed = new BinlogEvents();
        compressed.bare(EventType.TRANSACTION_PAYLOAD);
        assertThatThrownBy(() -> compressed.feed(assembler())).hasMessageContaining(
                "SET GLOBAL binlog_transaction_compression=OFF");
        BinlogEvents partial = new BinlogEvents();
        partial.bare(EventType.PARTIAL_UPDATE_ROWS_EVENT);
        assertThatThrownBy(() -> partial.feed(assembler())).hasMessageContaining(
                "SET GLOBAL binlog_row_value_options=''");
    }

    @Test
    void knownHarmlessEventsAndIgnorableUnknownOnesPass() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.bare(EventType.FORMAT_DESCRIPTION).bare(EventType.PREVIOUS_GTIDS).bare(EventType.BINLOG_CHECKPOINT)
                .mariaGtid(1, T0, 12).bare(EventType.ROWS_QUERY).bare(EventType.IGNORABLE)
                .bare(EventType.TRANSACTION_CONTEXT).bare(EventType.VIEW_CHANGE).tableMap().write(1).xid()
                .bare(EventType.STOP);
        binlog.feed(assembler);
        BinlogEvents ignorable = new BinlogEvents();
        ignorable.bareWithFlags(EventType.UNKNOWN, 0x80);
        ignorable.feed(assembler);
        assertThat(values(rows())).containsExactly(1L);
    }

    @Test
    void triggersRoutinesEventsAndTemporaryTablesAreNotReplicatedButMoveThePosition() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 41).query("CREATE DEFINER=`root`@`%` TRIGGER d.tr AFTER INSERT ON d.t FOR EACH ROW "
                + "INSERT INTO d.log (msg) VALUES ('x')");
        binlog.mariaGtid(2, T0, 41).query("CREATE DEFINER=root@localhost PROCEDURE d.p() INSERT INTO d.t VALUES (1)");
        binlog.mariaGtid(3, T0, 41).query("DROP TEMPORARY TABLE IF EXISTS `t`");
        binlog.feed(assembler);
        assertThat(out).allMatch(TransactionCommit.class::isInstance).hasSize(3);
        assertThat(assembler.boundary().binlogPosition()).isEqualTo(binlog.end());
    }

    @Test
    void aGroupCutOffByTheEndOfItsFileNeverCommittedAndIsNotReplicated() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 12).tableMap().write(1).rotate("binlog.000002")
                .mariaGtid(2, T0, 12).tableMap().write(2).xid();
        binlog.feed(assembler);
        assertThat(values(rows())).containsExactly(2L);
        assertThat(commits()).hasSize(1);
        assertThat(assembler.boundary().binlogFile()).isEqualTo("binlog.000002");
    }

    @Test
    void aGroupCutOffAfterPartsWereHandedOnFailsTheReader() {
        TransactionAssembler assembler = assembler(START, -1, 1, 1 << 20);
        binlog.mariaGtid(1, T0, 12).tableMap().write(1, 2).rotate("binlog.000002");
        assertThatThrownBy(() -> binlog.feed(assembler)).isInstanceOf(CdcException.class)
                .hasMessageContaining("ends unfinished");
    }

    @Test
    void aGroupBeginningInsideAnotherFailsTheReaderInsteadOfDroppingIt() {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 12).tableMap().write(1).mariaGtid(2, T0, 12);
        assertThatThrownBy(() -> binlog.feed(assembler)).isInstanceOf(CdcException.class)
                .hasMessageContaining("before the group that began after binlog.000001:4 ended");
    }

    @Test
    void aReconnectInsideAGroupHandsOnOnlyWhatWasNotHandedOnBefore() throws Exception {
        TransactionAssembler assembler = assembler(START, -1, 2, 1 << 20);
        binlog.mariaGtid(1, T0, 12).tableMap().write(1, 2, 3);
        binlog.feed(assembler);
        assertThat(out).hasSize(1);
        assertThat(assembler.resetToBoundary()).isEqualTo(START);
        BinlogEvents whole = new BinlogEvents();
        whole.mariaGtid(1, T0, 12).tableMap().write(1, 2, 3).write(4, 5).xid();
        whole.feed(assembler);
        assertThat(out.stream().filter(RowBatch.class::isInstance).map(e -> ((RowBatch) e).part()))
                .containsExactly(0, 1, 2);
        assertThat(values(rows())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(commits()).hasSize(1);
    }

    @Test
    void aReconnectInsideCreateTableSelectDoesNotRepeatTheDdl() throws Exception {
        TransactionAssembler assembler = assembler();
        binlog.mariaGtid(1, T0, 40).query("CREATE TABLE `d`.`t` (`id` int(11) NOT NULL)");
        binlog.feed(assembler);
        assembler.resetToBoundary();
        BinlogEvents whole = new BinlogEvents();
        whole.mariaGtid(1, T0, 40).query("CREATE TABLE `d`.`t` (`id` int(11) NOT NULL)").tableMap().write(1).xid();
        whole.feed(assembler);
        assertThat(out).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DdlEvent", "TransactionCommit", "RowBatch", "TransactionCommit");
    }

    @Test
    void aRollbackToASavepointWithNoRowsAfterItIsExactAndOneWithRowsFailsTheReader() throws Exception {
        binlog.mariaGtid(1, T0, 12).query("BEGIN").tableMap().write(1).query("SAVEPOINT `s`")
                .query("ROLLBACK TO `s`").write(2).query("COMMIT");
        binlog.feed(assembler());
        assertThat(values(rows())).containsExactly(1L, 2L);

        BinlogEvents undone = new BinlogEvents();
        undone.mariaGtid(1, T0, 12).query("BEGIN").query("SAVEPOINT `s`").tableMap().write(1).query("ROLLBACK TO `s`");
        assertThatThrownBy(() -> undone.feed(assembler())).isInstanceOf(CdcException.class)
                .hasMessageContaining("rolls back to a savepoint").hasMessageContaining("non-transactional");
    }

    @Test
    void aPastStartTsSkipsTheTransactionsBeforeIt() throws Exception {
        TransactionAssembler assembler = assembler(START, T0 + 10_000, 1024, 1 << 20);
        binlog.mariaGtid(1, T0, 12).tableMap().write(1).xid().mariaGtid(2, T0 + 10_000, 12).tableMap().write(2).xid();
        binlog.feed(assembler);
        assertThat(values(rows())).containsExactly(2L);
    }

    /** A framed part decoded on the spot, as the dispatch thread does when no mounter took it. */
    static ChangeEvent decoded(Object event) throws InterruptedException {
        return event instanceof FramedRows part ? part.rows() : (ChangeEvent) event;
    }

    private List<TransactionCommit> commits() {
        return out.stream().filter(TransactionCommit.class::isInstance).map(TransactionCommit.class::cast).toList();
    }

    private List<RowChange> rows() {
        return out.stream().filter(RowBatch.class::isInstance).flatMap(e -> ((RowBatch) e).rows().stream()).toList();
    }

    private static List<Object> values(List<RowChange> rows) {
        return rows.stream().map(row -> row.after().orElseThrow().value(0).orElseThrow()).toList();
    }
}
