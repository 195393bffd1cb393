package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidListEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.upstream.ddl.DdlClassifier;
import io.cdc4j.upstream.ddl.DdlStatement;
import io.cdc4j.upstream.ddl.QueryKind;
import io.cdc4j.upstream.decode.ColumnHints;
import io.cdc4j.upstream.decode.DecodedTable;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns binlog events, in order, into transactions: GTID (and BEGIN) up to XID/COMMIT, or a DDL. Stamps each
 * with a commit ts, decodes its rows, and hands them on in parts of bounded size. Runs on the binlog thread.
 */
final class TransactionAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionAssembler.class);
    private static final int MARIADB_STANDALONE = 1;
    private static final long EVENT_OVERHEAD_BYTES = 256;
    private static final int DECODED_BYTES_PER_BINLOG_BYTE = 3;

    private final EventOutput output;
    private final TableMapInterpreter interpreter;
    private final TableIdAllocator tableIds;
    private final HintSource hints;
    private final LongSupplier upstreamNow;
    private final int batchRows;
    private final Map<Long, CachedTable> tables = new HashMap<>();
    private final Map<TableName, ColumnHints> hintCache = new HashMap<>();

    private ReaderPosition boundary;
    private long skipUntilMillis;
    private CommitTsClock clock;
    private GtidTracker gtids;
    private String file;

    private boolean inTransaction;
    private String pendingGtid;
    private boolean skipping;
    private boolean statementGroup;
    private long commitTs;
    private int part;
    private List<RowChange> rows = new ArrayList<>();
    private long rowBytes;

    /** Where assembled events go; blocks when the consumer is behind. */
    @FunctionalInterface
    interface EventOutput {
        void emit(ChangeEvent event, long bytes) throws InterruptedException;
    }

    /** Column details not in the binlog, from information_schema. */
    @FunctionalInterface
    interface HintSource {
        ColumnHints hints(TableName table);
    }

    TransactionAssembler(ResumePoint start, EventOutput output, TableMapInterpreter interpreter,
                         TableIdAllocator tableIds, HintSource hints, LongSupplier upstreamNow, int batchRows) {
        this.output = output;
        this.interpreter = interpreter;
        this.tableIds = tableIds;
        this.hints = hints;
        this.upstreamNow = upstreamNow;
        this.batchRows = batchRows;
        this.skipUntilMillis = start.skipUntilMillis();
        restart(start.position());
    }

    /** Forgets any half-read transaction and continues from the last boundary (after a reconnect). */
    ReaderPosition resetToBoundary() {
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

    /** The position after the last complete transaction. */
    ReaderPosition boundary() {
        return boundary;
    }

    void accept(Event event) throws InterruptedException {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        switch (type) {
            case ROTATE -> file = ((RotateEventData) event.getData()).getBinlogFilename();
            case MARIADB_GTID -> {
                MariadbGtidEventData gtid = event.getData();
                begin(header.getTimestamp(), (gtid.getFlags() & MARIADB_STANDALONE) != 0);
                pendingGtid = gtid.getDomainId() + "-" + header.getServerId() + "-" + gtid.getSequence();
            }
            case GTID -> {
                GtidEventData gtid = event.getData();
                long micros = gtid.getImmediateCommitTimestamp();
                begin(micros > 0 ? micros / 1000 : header.getTimestamp(), true);
                pendingGtid = gtid.getMySqlGtid().toString();
            }
            case ANONYMOUS_GTID -> begin(header.getTimestamp(), true);
            case MARIADB_GTID_LIST -> {
                if (gtids.isEmpty() && event.getData() != null) {
                    gtids.set(((MariadbGtidListEventData) event.getData()).getMariaGTIDSet().toString());
                }
            }
            case QUERY -> query(event.getData(), header);
            case TABLE_MAP -> tableMap(event.getData());
            case WRITE_ROWS, EXT_WRITE_ROWS, PRE_GA_WRITE_ROWS -> {
                WriteRowsEventData data = event.getData();
                long bytes = bytesPerRow(header, data.getRows().size());
                for (Serializable[] row : data.getRows()) {
                    addRow(data.getTableId(), RowKind.INSERT, null, row, bytes, header);
                }
            }
            case UPDATE_ROWS, EXT_UPDATE_ROWS, PRE_GA_UPDATE_ROWS -> {
                UpdateRowsEventData data = event.getData();
                long bytes = bytesPerRow(header, data.getRows().size());
                for (Map.Entry<Serializable[], Serializable[]> row : data.getRows()) {
                    addRow(data.getTableId(), RowKind.UPDATE, row.getKey(), row.getValue(), bytes, header);
                }
            }
            case DELETE_ROWS, EXT_DELETE_ROWS, PRE_GA_DELETE_ROWS -> {
                DeleteRowsEventData data = event.getData();
                long bytes = bytesPerRow(header, data.getRows().size());
                for (Serializable[] row : data.getRows()) {
                    addRow(data.getTableId(), RowKind.DELETE, row, null, bytes, header);
                }
            }
            case XID -> commit(header.getNextPosition());
            case HEARTBEAT, HEARTBEAT_V2 -> {
                if (!inTransaction) {
                    long ts = clock.resolve(upstreamNow.getAsLong());
                    boundary = position(boundary.binlogFile(), boundary.binlogPosition());
                    output.emit(new ResolvedTs(ts, boundary), EVENT_OVERHEAD_BYTES);
                }
            }
            default -> {
            }
        }
    }

    private void begin(long commitMillis, boolean standalone) {
        if (inTransaction) {
            LOG.warn("a transaction began at {}:{} before the previous one ended; dropping the unfinished one", file,
                    boundary.binlogPosition());
            endTransaction();
        }
        inTransaction = true;
        statementGroup = standalone;
        pendingGtid = null;
        skipping = skipUntilMillis >= 0 && certainlyBefore(commitMillis, skipUntilMillis);
        if (!skipping) {
            skipUntilMillis = -1;
            commitTs = clock.next(commitMillis);
        }
    }

    private void query(QueryEventData data, EventHeaderV4 header) throws InterruptedException {
        String sql = data.getSql();
        switch (DdlClassifier.kindOf(sql)) {
            case BEGIN -> {
                if (!inTransaction) {
                    begin(header.getTimestamp(), false);
                }
                statementGroup = false;
            }
            case COMMIT -> commit(header.getNextPosition());
            case ROLLBACK -> {
                rows = new ArrayList<>();
                commit(header.getNextPosition());
            }
            case DDL -> {
                if (!inTransaction) {
                    begin(header.getTimestamp(), true);
                }
                ddl(sql, data.getDatabase() == null ? "" : data.getDatabase(), header);
            }
            case IGNORED -> {
                if (inTransaction && statementGroup) {
                    commit(header.getNextPosition());
                }
            }
        }
    }

    private void ddl(String sql, String schema, EventHeaderV4 header) throws InterruptedException {
        DdlStatement statement = DdlClassifier.classify(sql, schema);
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
        statement.tables().forEach(hintCache::remove);
        if (statement.schema().isPresent()) {
            hintCache.keySet().removeIf(name -> name.schema().equalsIgnoreCase(statement.schema().get()));
        }
        tables.clear();
        if (!skipping) {
            output.emit(new DdlEvent(schema, statement.tables(), statement.type(), sql, commitTs),
                    EVENT_OVERHEAD_BYTES + sql.length() * 2L);
        }
        commit(header.getNextPosition());
    }

    private void tableMap(TableMapEventData map) {
        CachedTable cached = tables.get(map.getTableId());
        if (cached != null && cached.matches(map)) {
            return;
        }
        TableName name = new TableName(map.getDatabase(), map.getTable());
        ColumnHints tableHints = hintCache.computeIfAbsent(name, hints::hints);
        DecodedTable table = interpreter.interpret(map, tableIds.idOf(name), tableHints);
        tables.put(map.getTableId(), new CachedTable(map, table));
    }

    private void addRow(long binlogTableId, RowKind kind, Serializable[] before, Serializable[] after,
                        long bytes, EventHeaderV4 header) throws InterruptedException {
        if (skipping) {
            return;
        }
        CachedTable cached = tables.get(binlogTableId);
        if (cached == null) {
            throw new IllegalStateException("rows for binlog table id " + binlogTableId + " without a TABLE_MAP at "
                    + file + ":" + header.getPosition());
        }
        DecodedTable table = cached.table();
        rows.add(new RowChange(kind, table.info(), commitTs,
                before == null ? Optional.empty() : Optional.of(table.decode(before)),
                after == null ? Optional.empty() : Optional.of(table.decode(after))));
        rowBytes += bytes;
        if (rows.size() >= batchRows) {
            flushRows();
        }
    }

    /** A row's share of its event's bytes, scaled for decoded Java objects being larger than binlog bytes. */
    private static long bytesPerRow(EventHeaderV4 header, int rowCount) {
        return 64 + header.getDataLength() * DECODED_BYTES_PER_BINLOG_BYTE / Math.max(1, rowCount);
    }

    private void flushRows() throws InterruptedException {
        if (rows.isEmpty()) {
            return;
        }
        output.emit(new RowBatch(commitTs, part++, rows), EVENT_OVERHEAD_BYTES + rowBytes);
        rows = new ArrayList<>();
        rowBytes = 0;
    }

    private void commit(long nextPosition) throws InterruptedException {
        if (!inTransaction) {
            boundary = position(file, nextPosition);
            return;
        }
        if (pendingGtid != null) {
            if (pendingGtid.contains(":")) {
                gtids.addMysql(pendingGtid);
            } else {
                gtids.addMaria(pendingGtid);
            }
        }
        if (skipping) {
            boundary = position(file, nextPosition);
        } else {
            flushRows();
            boundary = position(file, nextPosition);
            output.emit(new TransactionCommit(commitTs, boundary), EVENT_OVERHEAD_BYTES);
        }
        endTransaction();
    }

    private ReaderPosition position(String binlogFile, long nextPosition) {
        return new ReaderPosition(binlogFile, Math.max(4, nextPosition), gtids.toString(), clock.physical(),
                clock.logical(), tableIds.snapshot());
    }

    private void endTransaction() {
        inTransaction = false;
        skipping = false;
        statementGroup = false;
        pendingGtid = null;
        part = 0;
        rows = new ArrayList<>();
        rowBytes = 0;
    }

    /** A decoded TABLE_MAP, reused while the server sends the same mapping again. */
    private record CachedTable(TableMapEventData map, DecodedTable table) {
        boolean matches(TableMapEventData other) {
            return map.getDatabase().equals(other.getDatabase()) && map.getTable().equals(other.getTable())
                    && Arrays.equals(map.getColumnTypes(), other.getColumnTypes())
                    && Arrays.equals(map.getColumnMetadata(), other.getColumnMetadata())
                    && map.getColumnNullability().equals(other.getColumnNullability())
                    && map.getEventMetadata() != null && other.getEventMetadata() != null
                    && map.getEventMetadata().getColumnNames().equals(other.getEventMetadata().getColumnNames());
        }
    }

    /**
     * Whether a transaction whose binlog time is {@code commitMillis} committed before {@code startMillis}.
     * Binlog event times have whole seconds, so a transaction stamped with the start's own second may have
     * committed after the start: it is kept (and gets a ts above the start ts), as losing it would be worse
     * than replaying it.
     */
    private static boolean certainlyBefore(long commitMillis, long startMillis) {
        return commitMillis + 1000 <= startMillis;
    }
}
