package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidListEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.XAPrepareEventData;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.model.Tso;
import io.cdc4j.upstream.ddl.DdlClassifier;
import io.cdc4j.upstream.ddl.DdlStatement;
import io.cdc4j.upstream.ddl.QueryKind;
import io.cdc4j.upstream.decode.BinlogRowReader;
import io.cdc4j.upstream.decode.ColumnHints;
import io.cdc4j.upstream.decode.DecodedTable;
import io.cdc4j.upstream.decode.RowsEventBytes;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns binlog events, in order, into transactions: GTID (and BEGIN) up to XID/COMMIT, or a DDL. Stamps each
 * with a commit ts and hands its rows on in parts of at most {@code batchRows} rows, each a {@link FramedRows}
 * still holding the binlog's bytes (decoded later, off this thread); rows of tables the table predicate does not
 * want are dropped at their TABLE_MAP, unread. Runs on the binlog thread.
 *
 * <p>Every event either becomes part of what is handed on or is known to carry nothing to replicate; anything
 * else (statement-format DML, compressed or partial-JSON events, an INCIDENT, an unknown type) stops the reader
 * with a {@link CdcException} naming the event, its position, the cause and the fix. An XA transaction's rows
 * are kept from its {@code XA PREPARE} group until its {@code XA COMMIT} group, where they are handed on with the
 * commit's ts; while one is prepared, the positions handed on for checkpoints stay at the start of the oldest
 * prepared group (with the commit ts clock, GTIDs and table ids as they were there), and the clock moves only with
 * the binlog's own times, so a reader started from such a position hands on the same transactions with the same
 * ts until it passes the checkpoint.
 */
final class TransactionAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionAssembler.class);
    private static final int MARIADB_STANDALONE = 1;
    private static final int MARIADB_PREPARED_XA = 64;
    private static final int LOG_EVENT_IGNORABLE = 0x80;
    private static final long EVENT_OVERHEAD_BYTES = 256;
    private static final int DECODED_BYTES_PER_BINLOG_BYTE = 3;
    private static final int STATEMENT_QUOTE_CHARS = 120;

    private final EventOutput output;
    private final TableMapInterpreter interpreter;
    private final TableIdAllocator tableIds;
    private final HintSource hints;
    private final LongSupplier upstreamNow;
    private final int batchRows;
    private final long preparedLimitBytes;
    private final Predicate<TableName> wanted;
    private final LongPredicate wantedIds;
    private final Map<Long, MappedTable> tables = new HashMap<>();
    private final Map<XaId, PreparedXa> prepared = new LinkedHashMap<>();
    private final Map<String, Integer> savepoints = new HashMap<>();
    private long preparedBytes;
    private long handedOnTs = Long.MIN_VALUE;
    private int handedOnNumber;
    private long numberedTs = Long.MIN_VALUE;
    private int numberAtTs;

    private ReaderPosition boundary;
    private long skipUntilMillis;
    private CommitTsClock clock;
    private GtidTracker gtids;
    private String file;

    private boolean inTransaction;
    private ReaderPosition groupStart;
    private long groupMillis;
    private String pendingGtid;
    private boolean skipping;
    private boolean statementGroup;
    private boolean xaGroup;
    private boolean handedOn;
    private long commitTs;
    private int part;
    private List<PendingRows> rows = new ArrayList<>();
    private int pendingRows;
    private long rowBytes;
    private int groupRows;

    /**
     * Where assembled events go: a {@link ChangeEvent} other than a row batch, or a {@link FramedRows} part;
     * blocks when the consumer is behind.
     */
    @FunctionalInterface
    interface EventOutput {
        void emit(Object event, long bytes) throws InterruptedException;
    }

    /** Column details not in the binlog, from the schema store. */
    @FunctionalInterface
    interface HintSource {
        /** The hints of a table whose TABLE_MAP starts at {@code at}. */
        ColumnHints hints(TableName table, SchemaVersion at);

        /**
         * A DDL read from the binlog, ending at {@code at}, naming {@code tables} (and {@code schema} when it changes
         * a whole schema); the hints of the tables it names are asked for again after it.
         */
        default void ddl(String query, String sessionSchema, List<TableName> tables, Optional<String> schema,
                         SchemaVersion at) {
        }

        /** The version of the schemas in force, saved with every position ({@code ""}: none is kept). */
        default String schemaAt() {
            return "";
        }
    }

    /** An assembler whose prepared XA transactions may hold up to TiCDC's default memory quota of rows. */
    TransactionAssembler(ResumePoint start, EventOutput output, TableMapInterpreter interpreter,
                         TableIdAllocator tableIds, HintSource hints, LongSupplier upstreamNow, int batchRows) {
        this(start, output, interpreter, tableIds, hints, upstreamNow, batchRows, ReaderOptions.DEFAULT_MEMORY_QUOTA);
    }

    /**
     * An assembler; {@code preparedLimitBytes} bounds the rows of prepared XA transactions kept until their
     * commit (above it the reader fails, naming the limit).
     */
    TransactionAssembler(ResumePoint start, EventOutput output, TableMapInterpreter interpreter,
                         TableIdAllocator tableIds, HintSource hints, LongSupplier upstreamNow, int batchRows,
                         long preparedLimitBytes) {
        this(start, output, interpreter, tableIds, hints, upstreamNow, batchRows, preparedLimitBytes, name -> true,
                id -> true);
    }

    /**
     * An assembler handing on only the rows of the tables {@code wanted} accepts by name and {@code wantedIds} by
     * table id (DDL and commits all the same).
     */
    TransactionAssembler(ResumePoint start, EventOutput output, TableMapInterpreter interpreter,
                         TableIdAllocator tableIds, HintSource hints, LongSupplier upstreamNow, int batchRows,
                         long preparedLimitBytes, Predicate<TableName> wanted, LongPredicate wantedIds) {
        this.wanted = wanted;
        this.wantedIds = wantedIds;
        this.output = output;
        this.interpreter = interpreter;
        this.tableIds = tableIds;
        this.hints = hints;
        this.upstreamNow = upstreamNow;
        this.batchRows = batchRows;
        this.preparedLimitBytes = preparedLimitBytes;
        this.skipUntilMillis = start.skipUntilMillis();
        restart(start.position());
    }

    /**
     * Forgets any half-read transaction and continues from the last boundary (after a reconnect). Prepared XA
     * transactions are kept: their groups lie before the boundary.
     */
    ReaderPosition resetToBoundary() {
        numberedTs = Long.MIN_VALUE;
        restart(boundary);
        return boundary;
    }

    private void restart(ReaderPosition position) {
        boundary = position;
        clock = new CommitTsClock(position.lastPhysical(), position.lastLogical());
        gtids = new GtidTracker(position.gtidSet());
        file = position.binlogFile();
        tables.clear();
        endTransaction();
    }

    /** The position after the last complete binlog group: where the binlog connection resumes. */
    ReaderPosition boundary() {
        return boundary;
    }

    void accept(Event event) throws InterruptedException {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        switch (type) {
            case ROTATE -> {
                endOfFile(header);
                file = ((RotateEventData) event.getData()).getBinlogFilename();
            }
            case FORMAT_DESCRIPTION -> endOfFile(header);
            case MARIADB_GTID -> {
                MariadbGtidEventData gtid = event.getData();
                begin(header, GroupTime.ofHeader(header), (gtid.getFlags() & MARIADB_STANDALONE) != 0);
                xaGroup = (gtid.getFlags() & MARIADB_PREPARED_XA) != 0;
                pendingGtid = gtid.getDomainId() + "-" + header.getServerId() + "-" + gtid.getSequence();
            }
            case GTID -> {
                GtidEventData gtid = event.getData();
                begin(header, GroupTime.ofGtid(gtid, header), true);
                pendingGtid = gtid.getMySqlGtid().toString();
            }
            case ANONYMOUS_GTID -> begin(header, GroupTime.ofHeader(header), true);
            case MARIADB_GTID_LIST -> {
                if (gtids.isEmpty() && event.getData() != null) {
                    gtids.set(((MariadbGtidListEventData) event.getData()).getMariaGTIDSet().toString());
                }
            }
            case QUERY -> query(event.getData(), header);
            case TABLE_MAP -> tableMap(event.getData(), header);
            case WRITE_ROWS, EXT_WRITE_ROWS, PRE_GA_WRITE_ROWS, UPDATE_ROWS, EXT_UPDATE_ROWS, PRE_GA_UPDATE_ROWS,
                 DELETE_ROWS, EXT_DELETE_ROWS, PRE_GA_DELETE_ROWS -> addRows(event.getData(), header);
            case XID -> commit(header.getNextPosition());
            case XA_PREPARE -> xaPrepare(event.getData(), header);
            case HEARTBEAT, HEARTBEAT_V2 -> heartbeat();
            case PREVIOUS_GTIDS, ANNOTATE_ROWS, ROWS_QUERY, BINLOG_CHECKPOINT, STOP, START_V3, IGNORABLE,
                 TRANSACTION_CONTEXT, VIEW_CHANGE, USER_VAR, INTVAR, RAND -> {
                // Known to carry nothing to replicate: statement text, file bookkeeping, group replication
                // certification, and the variables of a statement-format DML (which fails at its QUERY).
            }
            case TRANSACTION_PAYLOAD -> throw refused(header, "a TRANSACTION_PAYLOAD event: the upstream compresses "
                    + "its binlog transactions (binlog_transaction_compression=ON), which cdc4j cannot read",
                    "run SET GLOBAL binlog_transaction_compression=OFF (and in every session that set it), then "
                            + "resume the changefeed with a start-ts after the compressed transactions or rebuild "
                            + "the downstream");
            case PARTIAL_UPDATE_ROWS_EVENT -> throw refused(header, "a PARTIAL_UPDATE_ROWS event: the upstream "
                    + "writes partial JSON updates (binlog_row_value_options=PARTIAL_JSON), whose full rows are "
                    + "not in the binlog", "run SET GLOBAL binlog_row_value_options='' (and in every session that "
                            + "set it), then resume the changefeed with a start-ts after those updates or rebuild "
                            + "the downstream");
            case INCIDENT -> throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the upstream wrote an "
                    + "INCIDENT event at " + where(header) + ": changes made there were not written to its "
                    + "binlog (e.g. a binlog write failed), so they cannot be replicated; rebuild the downstream "
                    + "from a new snapshot and create the changefeed again from it");
            case LOAD, NEW_LOAD, CREATE_FILE, APPEND_BLOCK, EXEC_LOAD, DELETE_FILE, BEGIN_LOAD_QUERY,
                 EXECUTE_LOAD_QUERY -> {
                if (!skipping) {
                    throw statementDml(header, "LOAD DATA (a " + type + " event)");
                }
            }
            case UNKNOWN -> {
                if ((header.getFlags() & LOG_EVENT_IGNORABLE) == 0) {
                    throw unsupported(header, "an event of a type this reader does not know (on MariaDB, "
                            + "log_bin_compress=ON writes such events: SET GLOBAL log_bin_compress=OFF)");
                }
            }
            default -> throw unsupported(header, "a " + type + " event, which this reader does not support");
        }
    }

    /**
     * A group committed at {@code time}: before a start ts it is skipped only when it is certainly before it, so the
     * start's own second (or millisecond) is kept.
     */
    private void begin(EventHeaderV4 header, GroupTime time, boolean standalone) {
        if (inTransaction) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "a binlog group begins at " + where(header)
                    + " before the group that began after " + groupStart.binlogFile() + ":"
                    + groupStart.binlogPosition() + " ended: the binlog is not in a shape cdc4j knows; "
                    + "nothing of either group was skipped, report the binlog events around that position");
        }
        inTransaction = true;
        groupStart = boundary;
        groupMillis = time.millis();
        statementGroup = standalone;
        pendingGtid = null;
        skipping = skipUntilMillis >= 0 && time.certainlyBefore(skipUntilMillis);
        if (!skipping) {
            skipUntilMillis = -1;
            commitTs = clock.next(time.millis());
        }
    }

    /**
     * A ROTATE or FORMAT_DESCRIPTION: a binlog group never spans files, so an open group here was cut off by its
     * file's end (the upstream stopped while writing it and rolled it back on restart: it never committed).
     */
    private void endOfFile(EventHeaderV4 header) {
        if (!inTransaction) {
            return;
        }
        if (handedOn) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog group that began after "
                    + groupStart.binlogFile() + ":" + groupStart.binlogPosition() + " ends unfinished at "
                    + where(header) + " (the upstream stopped while writing it, so it never committed), but part "
                    + "of it was already handed on; rebuild the downstream from a snapshot");
        }
        LOG.info("the binlog group that began after {}:{} ends unfinished at {}: the upstream stopped while writing"
                + " it and never committed it, so it has nothing to replicate", groupStart.binlogFile(),
                groupStart.binlogPosition(), where(header));
        endTransaction();
    }

    private void heartbeat() throws InterruptedException {
        if (inTransaction || Tso.compose(clock.physical(), clock.logical()) < handedOnTs) {
            return;
        }
        if (prepared.isEmpty()) {
            long ts = clock.resolve(upstreamNow.getAsLong());
            boundary = position(boundary.binlogFile(), boundary.binlogPosition());
            output.emit(new ResolvedTs(ts, boundary), EVENT_OVERHEAD_BYTES);
        } else {
            output.emit(new ResolvedTs(Tso.compose(clock.physical(), clock.logical()), resumePoint(boundary)),
                    EVENT_OVERHEAD_BYTES);
        }
    }

    private void query(QueryEventData data, EventHeaderV4 header) throws InterruptedException {
        String sql = data.getSql();
        switch (DdlClassifier.kindOf(sql)) {
            case BEGIN -> {
                if (!inTransaction) {
                    begin(header, GroupTime.ofHeader(header), false);
                }
                statementGroup = false;
            }
            case XA_START -> {
                if (!inTransaction) {
                    begin(header, GroupTime.ofHeader(header), false);
                }
                statementGroup = false;
                xaGroup = true;
            }
            case XA_END -> {
                if (!inTransaction || !xaGroup) {
                    throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "an XA END at " + where(header)
                            + " in a binlog group that did not begin as an XA transaction; report the binlog "
                            + "events around that position");
                }
            }
            case COMMIT -> commit(header.getNextPosition());
            case ROLLBACK -> rollback(header);
            case SAVEPOINT -> DdlClassifier.savepointName(sql).ifPresent(name -> savepoints.put(name, groupRows));
            case ROLLBACK_TO_SAVEPOINT -> rollbackToSavepoint(sql, header);
            case XA_COMMIT -> xaCommit(xid(sql, header), header);
            case XA_ROLLBACK -> xaRollback(xid(sql, header), header);
            case DDL -> {
                if (!inTransaction) {
                    begin(header, GroupTime.ofHeader(header), true);
                }
                ddl(sql, data.getDatabase() == null ? "" : data.getDatabase(), header);
            }
            case STATEMENT_DML -> {
                if (!skipping) {
                    throw statementDml(header, "`" + quote(sql) + "`");
                }
                if (inTransaction && statementGroup) {
                    commit(header.getNextPosition());
                }
            }
            case IGNORED -> {
                if (inTransaction && statementGroup) {
                    commit(header.getNextPosition());
                }
            }
        }
    }

    private void rollback(EventHeaderV4 header) throws InterruptedException {
        if (handedOn) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog group that began after "
                    + groupStart.binlogFile() + ":" + groupStart.binlogPosition() + " ends with ROLLBACK at "
                    + where(header) + " after part of its rows were handed on; rebuild the downstream from a "
                    + "snapshot");
        }
        rows = new ArrayList<>();
        pendingRows = 0;
        rowBytes = 0;
        commit(header.getNextPosition());
    }

    /**
     * The server writes ROLLBACK TO only when the transaction also changed a non-transactional table, whose rows
     * stay while those of transactional tables are undone; the binlog does not tell which tables are which, so
     * rows between the savepoint and the rollback cannot be replicated exactly.
     */
    private void rollbackToSavepoint(String sql, EventHeaderV4 header) {
        if (skipping) {
            return;
        }
        Integer rowsAtSavepoint = DdlClassifier.savepointName(sql).map(savepoints::get).orElse(null);
        if (rowsAtSavepoint == null || rowsAtSavepoint < groupRows) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "a transaction rolls back to a savepoint at "
                    + where(header) + " (`" + quote(sql) + "`) after changing rows, in a transaction that also "
                    + "changed a non-transactional table (the server writes ROLLBACK TO only then): the binlog does "
                    + "not tell which of those rows were undone. Use transactional tables (InnoDB) or no savepoints "
                    + "in such transactions, then resume the changefeed with a start-ts after this transaction or "
                    + "rebuild the downstream");
        }
    }

    private void ddl(String sql, String schema, EventHeaderV4 header) throws InterruptedException {
        Optional<String> atomicCreateSelect = DdlClassifier.withoutStartTransaction(sql);
        String text = atomicCreateSelect.orElse(sql);
        DdlStatement statement = DdlClassifier.classify(text, schema);
        switch (statement.type()) {
            case CREATE_TABLE -> statement.tables().forEach(tableIds::created);
            case DROP_TABLE -> statement.tables().forEach(tableIds::dropped);
            case RENAME_TABLE -> {
                for (int i = 0; i + 1 < statement.tables().size(); i += 2) {
                    tableIds.renamed(statement.tables().get(i), statement.tables().get(i + 1));
                }
            }
            case DROP_DATABASE -> statement.schema().ifPresent(tableIds::schemaDropped);
            default -> {
            }
        }
        hints.ddl(text, schema, statement.tables(), statement.schema(),
                new SchemaVersion(file, header.getNextPosition()));
        tables.clear();
        if (!skipping) {
            handOn(new DdlEvent(schema, statement.tables(), statement.type(), text, commitTs),
                    EVENT_OVERHEAD_BYTES + text.length() * 2L);
        }
        if (atomicCreateSelect.isEmpty() && statementGroup) {
            commit(header.getNextPosition());
            return;
        }
        // CREATE TABLE ... SELECT: the table's rows follow in the same group, up to its XID or COMMIT. They are
        // their own transaction after the DDL; positions stay at the group's start until its end.
        if (!skipping) {
            handOn(new TransactionCommit(commitTs, resumePoint(groupStart)), EVENT_OVERHEAD_BYTES);
            commitTs = clock.next(groupMillis);
        }
        statementGroup = false;
    }

    private void xaPrepare(XAPrepareEventData data, EventHeaderV4 header) throws InterruptedException {
        if (!inTransaction || !xaGroup) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "an XA_PREPARE event at " + where(header)
                    + " ends a binlog group that did not begin as an XA transaction; report the binlog events "
                    + "around that position");
        }
        if (data.isOnePhase()) {
            commit(header.getNextPosition());
            return;
        }
        XaId xid = XaId.of(data);
        if (prepared.containsKey(xid)) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "XA transaction " + xid + " is prepared again at "
                    + where(header) + " while its earlier XA PREPARE has not committed or rolled back");
        }
        prepared.put(xid, new PreparedXa(groupStart, rows, pendingRows, rowBytes));
        preparedBytes += rowBytes;
        recordGtid();
        rows = new ArrayList<>();
        pendingRows = 0;
        rowBytes = 0;
        boundary = position(file, header.getNextPosition());
        endTransaction();
    }

    private void xaCommit(XaId xid, EventHeaderV4 header) throws InterruptedException {
        if (!inTransaction) {
            begin(header, GroupTime.ofHeader(header), true);
        }
        PreparedXa xa = prepared.remove(xid);
        if (xa == null) {
            if (!skipping) {
                throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "XA COMMIT " + xid + " at " + where(header)
                        + " commits an XA transaction whose XA PREPARE lies before the binlog position this "
                        + "reader started from, so its rows were never read; create the changefeed when no XA "
                        + "transaction is prepared upstream (XA RECOVER lists them), or with a start-ts before "
                        + "the XA PREPARE");
            }
        } else {
            preparedBytes -= xa.bytes();
            if (!skipping) {
                // still framed: decoded after the parts are sealed, with this commit's ts
                rows.addAll(xa.rows());
                pendingRows += xa.rowCount();
                rowBytes += xa.bytes();
            }
        }
        commit(header.getNextPosition());
    }

    private void xaRollback(XaId xid, EventHeaderV4 header) throws InterruptedException {
        if (!inTransaction) {
            begin(header, GroupTime.ofHeader(header), true);
        }
        PreparedXa xa = prepared.remove(xid);
        if (xa != null) {
            preparedBytes -= xa.bytes();
        }
        commit(header.getNextPosition());
    }

    private XaId xid(String sql, EventHeaderV4 header) {
        return XaId.parse(sql).orElseThrow(() -> new CdcException(ErrorCode.UPSTREAM_BINLOG_READ,
                "cannot read the XA transaction id of `" + quote(sql) + "` at " + where(header)));
    }

    private void tableMap(TableMapEventData map, EventHeaderV4 header) {
        MappedTable cached = tables.get(map.getTableId());
        if (cached != null && cached.matches(map)) {
            return;
        }
        TableName name = new TableName(map.getDatabase(), map.getTable());
        long tableId = tableIds.idOf(name);
        if (!wanted.test(name) || !wantedIds.test(tableId)) {
            tables.put(map.getTableId(), MappedTable.dropped(map));
            return;
        }
        // asked at every TABLE_MAP not cached below (a new table id or shape), so a table checked since is checked
        ColumnHints tableHints = hints.hints(name, new SchemaVersion(file, header.getPosition()));
        DecodedTable table;
        try {
            table = interpreter.interpret(map, tableId, tableHints);
        } catch (CdcException e) {
            if (e.errorCode() != ErrorCode.SCHEMA_MISMATCH) {
                throw e;
            }
            throw new CdcException(ErrorCode.SCHEMA_MISMATCH, "at " + where(header) + ": " + e.getMessage());
        }
        tables.put(map.getTableId(), MappedTable.of(map, table));
    }

    /**
     * A rows event: framed with the table it is mapped to now, counted, and kept for the part it falls in; rows of
     * a dropped table only count as rows for savepoints.
     */
    private void addRows(RowsEventBytes data, EventHeaderV4 header) throws InterruptedException {
        if (!inTransaction) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "rows at " + where(header) + " outside a "
                    + "binlog group; report the binlog events around that position");
        }
        if (skipping && !xaGroup) {
            return;
        }
        MappedTable cached = tables.get(data.tableId());
        if (cached == null) {
            throw new IllegalStateException("rows for binlog table id " + data.tableId() + " without a TABLE_MAP at "
                    + where(header));
        }
        if (cached.isDropped()) {
            groupRows++;
            return;
        }
        EventType type = header.getEventType();
        int[] starts;
        try {
            starts = cached.reader().rowStarts(type, data.body());
        } catch (IllegalStateException e) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot read the rows of " + cached.table().info()
                    .name() + " in the binlog event at " + where(header) + " (nothing of it was replicated; report"
                    + " the table's definition)", e);
        }
        int count = starts.length - 1;
        if (count == 0) {
            return;
        }
        long bytes = bytesPerRow(header, count);
        groupRows += count;
        rows.add(new PendingRows(type, data.body(), starts, 0, count, cached, bytes, file, header.getPosition()));
        pendingRows += count;
        rowBytes += bytes * count;
        if (xaGroup) {
            if (preparedBytes + rowBytes > preparedLimitBytes) {
                throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "prepared XA transactions hold "
                        + (preparedBytes + rowBytes) + " bytes of rows at " + where(header) + ", above the limit of "
                        + preparedLimitBytes + " bytes (the changefeed's memory-quota) that cdc4j keeps until "
                        + "their XA COMMIT; commit or roll back the prepared XA transactions upstream (XA RECOVER "
                        + "lists them), or raise memory-quota");
            }
        } else if (pendingRows >= batchRows) {
            sealParts(false);
        }
    }

    /** A row's share of its event's bytes, scaled for decoded Java objects being larger than binlog bytes. */
    private static long bytesPerRow(EventHeaderV4 header, int rowCount) {
        return 64 + header.getDataLength() * DECODED_BYTES_PER_BINLOG_BYTE / Math.max(1, rowCount);
    }

    /**
     * Hands the pending rows on in parts of {@code batchRows} rows (cutting an event between rows where a part ends
     * inside it), and with {@code all} the last, smaller part too; a part is charged for its rows decoded.
     */
    private void sealParts(boolean all) throws InterruptedException {
        List<FramedSlice> slices = new ArrayList<>();
        int partRows = 0;
        long partBytes = 0;
        int index = 0;
        while (index < rows.size()) {
            if (!all && partRows == 0 && pendingRows < batchRows) {
                break;
            }
            PendingRows pending = rows.get(index);
            int take = Math.min(pending.count(), batchRows - partRows);
            slices.add(pending.slice(take));
            partRows += take;
            partBytes += pending.bytesPerRow() * take;
            if (take == pending.count()) {
                index++;
            } else {
                rows.set(index, pending.after(take));
            }
            if (partRows == batchRows || (all && index == rows.size())) {
                handOnRows(slices, partBytes);
                pendingRows -= partRows;
                rowBytes -= partBytes;
                slices = new ArrayList<>();
                partRows = 0;
                partBytes = 0;
            }
        }
        rows = new ArrayList<>(rows.subList(index, rows.size()));
        if (rows.isEmpty()) {
            pendingRows = 0;
            rowBytes = 0;
        }
    }

    private void handOnRows(List<FramedSlice> slices, long bytes) throws InterruptedException {
        handOn(commitTs, new FramedRows(commitTs, part++, slices), EVENT_OVERHEAD_BYTES + bytes);
    }

    private void flushRows() throws InterruptedException {
        sealParts(true);
    }

    private void commit(long nextPosition) throws InterruptedException {
        if (!inTransaction) {
            boundary = position(file, nextPosition);
            return;
        }
        recordGtid();
        if (skipping) {
            boundary = position(file, nextPosition);
        } else {
            flushRows();
            boundary = position(file, nextPosition);
            handOn(new TransactionCommit(commitTs, resumePoint(boundary)), EVENT_OVERHEAD_BYTES);
        }
        endTransaction();
    }

    private void recordGtid() {
        if (pendingGtid == null) {
            return;
        }
        if (pendingGtid.contains(":")) {
            gtids.addMysql(pendingGtid);
        } else {
            gtids.addMaria(pendingGtid);
        }
    }

    /** Where a reader resumes to read everything after {@code reached}: before the oldest prepared XA group. */
    private ReaderPosition resumePoint(ReaderPosition reached) {
        return prepared.isEmpty() ? reached : prepared.values().iterator().next().start();
    }

    private ReaderPosition position(String binlogFile, long nextPosition) {
        return new ReaderPosition(binlogFile, Math.max(4, nextPosition), gtids.toString(), clock.physical(),
                clock.logical(), tableIds.snapshot(), hints.schemaAt());
    }

    /**
     * Hands an event of a transaction on, unless it was handed on before a {@link #resetToBoundary reset}: the
     * group being read then is read again from its start with the same ts, and its events are numbered in the
     * same order, so the ones already handed on are known by (ts, number).
     */
    private void handOn(ChangeEvent event, long bytes) throws InterruptedException {
        handOn(event.ts(), event, bytes);
    }

    private void handOn(long ts, Object event, long bytes) throws InterruptedException {
        numberAtTs = ts == numberedTs ? numberAtTs + 1 : 0;
        numberedTs = ts;
        handedOn = true;
        if (ts < handedOnTs || (ts == handedOnTs && numberAtTs <= handedOnNumber)) {
            return;
        }
        output.emit(event, bytes);
        handedOnTs = ts;
        handedOnNumber = numberAtTs;
    }

    private void endTransaction() {
        inTransaction = false;
        groupStart = null;
        skipping = false;
        statementGroup = false;
        xaGroup = false;
        handedOn = false;
        pendingGtid = null;
        part = 0;
        rows = new ArrayList<>();
        pendingRows = 0;
        rowBytes = 0;
        groupRows = 0;
        savepoints.clear();
    }

    private String where(EventHeaderV4 header) {
        return file + ":" + header.getPosition();
    }

    private CdcException refused(EventHeaderV4 header, String what, String fix) {
        return new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the binlog has " + what + " at "
                + where(header) + "; " + fix);
    }

    private CdcException unsupported(EventHeaderV4 header, String what) {
        return new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog has " + what + " at " + where(header)
                + "; nothing after it was replicated: check the upstream's binlog settings against docs/upstream.md");
    }

    private CdcException statementDml(EventHeaderV4 header, String statement) {
        return new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "a session wrote DML in statement format "
                + "(binlog_format=STATEMENT or MIXED) at " + where(header) + " (binlog time "
                + Instant.ofEpochMilli(header.getTimestamp()) + "): " + statement + "; its rows are not "
                + "in the binlog, so cdc4j cannot replicate them. Set binlog_format=ROW globally (SET GLOBAL "
                + "binlog_format='ROW' and in the server's configuration) and in every session that writes, then "
                + "resume the changefeed with a start-ts after this statement or rebuild the downstream");
    }

    private static String quote(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= STATEMENT_QUOTE_CHARS ? flat : flat.substring(0, STATEMENT_QUOTE_CHARS) + "...";
    }

    /** An XA transaction between its XA PREPARE and its XA COMMIT or ROLLBACK: its rows and where its group began. */
    private record PreparedXa(ReaderPosition start, List<PendingRows> rows, int rowCount, long bytes) {
    }

    /**
     * Rows {@code from} to {@code from + count} of a framed rows event, not yet in a part.
     *
     * @param starts where each of the event's rows starts in {@code body}, and its end
     *               (see {@link BinlogRowReader#rowStarts})
     */
    private record PendingRows(EventType type, byte[] body, int[] starts, int from, int count, MappedTable table,
                               long bytesPerRow, String file, long position) {
        /** The first {@code rows} of these as a self-contained event body. */
        FramedSlice slice(int rows) {
            if (from == 0 && rows == starts.length - 1) {
                return new FramedSlice(type, body, rows, table, file, position);
            }
            int header = starts[0];
            int begin = starts[from];
            int end = starts[from + rows];
            byte[] part = new byte[header + end - begin];
            System.arraycopy(body, 0, part, 0, header);
            System.arraycopy(body, begin, part, header, end - begin);
            return new FramedSlice(type, part, rows, table, file, position);
        }

        /** What is left after the first {@code rows}. */
        PendingRows after(int rows) {
            return new PendingRows(type, body, starts, from + rows, count - rows, table, bytesPerRow, file,
                    position);
        }
    }
}
