package io.cdc4j.processor;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.SchemaSnapshotStore;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.ReaderState;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TransactionCommit;
import io.cdc4j.mounter.Mounter;
import io.cdc4j.schema.CatalogSnapshot;
import io.cdc4j.upstream.BinlogReader;
import io.cdc4j.upstream.ChangeEventSink;
import io.cdc4j.upstream.InMemoryTableIdAllocator;
import io.cdc4j.upstream.ReaderOptions;
import io.cdc4j.upstream.ReaderStates;
import io.cdc4j.upstream.ReaderStatusListener;
import io.cdc4j.upstream.SchemaStart;
import io.cdc4j.upstream.StartPoint;
import io.cdc4j.upstream.TableIdAllocator;
import io.cdc4j.upstream.TableNameCase;
import io.cdc4j.upstream.UpstreamConfig;
import io.cdc4j.upstream.UpstreamDatabase;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A changefeed's changes read from the upstream's binlog: the binlog reader from the checkpoint's saved
 * position (or, for a new changefeed, from its start ts), filtered by the changefeed's rules. Each
 * transaction's commit is a resolved ts for the consumer, forwarded at most every {@value #RESOLVED_EVERY_MILLIS}
 * ms while transactions stream (a skipped one is covered by the next commit or by the reader's resolved ts
 * once it has caught up).
 */
final class BinlogChangeSource implements ChangeSource, ChangeEventSink, ReaderStatusListener {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogChangeSource.class);
    static final long RESOLVED_EVERY_MILLIS = 20;
    private static final long RESOLVED_EVERY_NANOS = Duration.ofMillis(RESOLVED_EVERY_MILLIS).toNanos();

    private final ChangefeedId changefeed;
    private final UpstreamConfig upstream;
    private final long probeServerId;
    private final ReplicaConfig config;
    private final ChangeFilter filter;
    private final TableScope scope;
    private volatile ChangeConsumer consumer;
    private BinlogReader reader;
    private Mounter mounter;
    private long lastForwardedNanos;
    private TableIds reportedTableIds;
    private final SchemaSnapshotStore schemas;
    private volatile SchemaVersion savedSchemas;

    /**
     * @param upstream the upstream, with the changefeed's own reader server id
     * @param probeServerId the changefeed's own server id for start-point probes
     * @param scope the changefeed's tables whose rows this source reads: the rows of the others are dropped at their
     *              TABLE_MAP, before decoding
     * @param schemas where the table schemas that checkpoints resume with are saved
     */
    BinlogChangeSource(ChangefeedId changefeed, UpstreamConfig upstream, long probeServerId, ReplicaConfig config,
                       TableScope scope, SchemaSnapshotStore schemas) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.changefeed = Objects.requireNonNull(changefeed, "changefeed");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.probeServerId = probeServerId;
        this.config = Objects.requireNonNull(config, "config");
        this.filter = new ChangeFilter(config, table -> LOG.warn("changefeed {}: table {} is ineligible to replicate"
                + " (it has neither a primary key nor a NOT NULL unique key): its row changes are not replicated,"
                + " its DDL is; set force_replicate to replicate its rows, or add a key", changefeed, table));
    }

    @Override
    public void start(long checkpointTs, ReaderState state, ChangeConsumer target) {
        this.consumer = Objects.requireNonNull(target, "consumer");
        Optional<ReaderPosition> saved = ReaderStates.position(state);
        StartPoint start = saved.<StartPoint>map(StartPoint.AtPosition::new)
                .orElseGet(() -> new StartPoint.AtTs(checkpointTs));
        TableIdAllocator tableIds;
        TableIds savedIds = saved.map(ReaderPosition::tableIds).orElse(TableIds.EMPTY);
        try (UpstreamDatabase database = UpstreamDatabase.connect(upstream)) {
            tableIds = InMemoryTableIdAllocator.from(savedIds, TableNameCase.of(database));
            if (savedIds.ids().isEmpty() && scope.isAll()) {
                filter.eligible(database.tables()).stream().sorted(Comparator.comparing(TableName::toString))
                        .forEach(tableIds::idOf);
            }
        }
        reportTables(tableIds.snapshot());
        SchemaStart schemaStart = schemaStart(saved);
        LOG.info("changefeed {} reads the binlog of {} from {}", changefeed, upstream, start);
        mounter = new Mounter(changefeed.toString(), Mounter.workersFor(config.mounter().workerNum(),
                Runtime.getRuntime().availableProcessors()));
        try {
            reader = BinlogReader.start(upstream, start, this,
                    ReaderOptions.defaults().withMemoryQuota(config.memoryQuota()).withProbeServerId(probeServerId)
                            .withTables(filter::matchesTable).withTableIds(scope::contains)
                            .withPrefetcher(mounter), tableIds, this, schemaStart);
        } catch (RuntimeException e) {
            mounter.close();
            throw e;
        }
    }

    /**
     * The schemas saved for the version the checkpoint's position names; at a first start (or from a position saved
     * before schemas were), every selected table read from the upstream.
     */
    private SchemaStart schemaStart(Optional<ReaderPosition> saved) {
        Optional<SchemaVersion> version = saved.flatMap(ReaderPosition::schemaVersion);
        if (version.isEmpty()) {
            return new SchemaStart.Load();
        }
        CatalogSnapshot snapshot = schemas.load(changefeed, version.get()).orElseThrow(() -> new CdcException(
                ErrorCode.SCHEMA_SNAPSHOT_NOT_FOUND, "the table schemas of changefeed " + changefeed + " saved for "
                + "its checkpoint (version " + version.get() + ") are missing from the metadata, so its rows cannot"
                + " be decoded with the schemas they were written under; resume it from a new checkpoint (`cdc cli "
                + "changefeed resume --overwrite-checkpoint-ts`) or create it again"));
        LOG.info("changefeed {} resumes with the table schemas of version {} ({} tables)", changefeed, version.get(),
                snapshot.tables().size());
        savedSchemas = version.get();
        return new SchemaStart.Restore(version.get(), snapshot);
    }

    @Override
    public void persist(ReaderState state) {
        Optional<SchemaVersion> version = ReaderStates.position(state).flatMap(ReaderPosition::schemaVersion);
        if (version.isEmpty() || version.get().equals(savedSchemas) || reader == null) {
            return;
        }
        CatalogSnapshot snapshot;
        try {
            snapshot = reader.schemaHistory().snapshotAt(version.get());
        } catch (IllegalArgumentException e) {
            throw new CdcException(ErrorCode.PROCESSOR_UNKNOWN, "changefeed " + changefeed + " cannot save the table"
                    + " schemas its checkpoint resumes with: " + e.getMessage(), e);
        }
        schemas.save(changefeed, version.get(), snapshot);
        savedSchemas = version.get();
    }

    /**
     * Tells the consumer the changefeed's tables when the ids of a position differ from the last ones told: the
     * selected tables among them. Positions come in binlog order, so the set follows the DDLs as they are delivered.
     */
    private void reportTables(TableIds ids) {
        if (ids == reportedTableIds) {
            return;
        }
        reportedTableIds = ids;
        Set<Long> selected = new TreeSet<>();
        InMemoryTableIdAllocator.byName(ids).forEach((name, id) -> {
            if (filter.matchesTable(name)) {
                selected.add(id);
            }
        });
        consumer.onTables(selected);
    }

    @Override
    public void onRows(RowBatch batch) {
        filter.rows(batch).ifPresent(consumer::onRows);
    }

    @Override
    public void onDdl(DdlEvent ddl) {
        filter.ddl(ddl).ifPresentOrElse(consumer::onDdl,
                () -> LOG.debug("changefeed {} skips DDL at {}: {}", changefeed, ddl.commitTs(), ddl.query()));
    }

    @Override
    public void onCommit(TransactionCommit commit) {
        reportTables(commit.position().tableIds());
        consumer.onCommit(commit.commitTs());
        long now = System.nanoTime();
        if (now - lastForwardedNanos >= RESOLVED_EVERY_NANOS) {
            consumer.onResolved(commit.commitTs(), ReaderStates.of(commit.position()));
            lastForwardedNanos = now;
        }
    }

    @Override
    public void onResolved(ResolvedTs resolved) {
        lastForwardedNanos = System.nanoTime();
        reportTables(resolved.position().tableIds());
        consumer.onResolved(resolved.ts(), ReaderStates.of(resolved.position()));
    }

    @Override
    public void onConnectionLost(Throwable cause, int attempt, Duration retryIn) {
        LOG.warn("changefeed {} lost its binlog connection (attempt {}), retrying in {}: {}", changefeed, attempt,
                retryIn, cause.toString());
        consumer.onWarning(new CdcException(ErrorCode.UPSTREAM_CONNECTION, "the binlog connection to " + upstream
                + " was lost (attempt " + attempt + ", retrying in " + retryIn.toMillis() + " ms)", cause));
    }

    @Override
    public void onFailed(Throwable cause) {
        consumer.onError(cause);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (mounter != null) {
            mounter.close();
        }
    }
}
