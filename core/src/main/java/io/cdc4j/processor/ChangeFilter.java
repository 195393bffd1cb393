package io.cdc4j.processor;

import io.cdc4j.config.EventFilterRule;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.filter.EventType;
import io.cdc4j.filter.IgnoredEventTypes;
import io.cdc4j.filter.IgnoredSql;
import io.cdc4j.filter.TableEligibility;
import io.cdc4j.filter.TableFilter;
import io.cdc4j.filter.TableRules;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import io.cdc4j.upstream.UpstreamTable;
import io.cdc4j.upstream.ddl.DdlClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides which changes of the binlog a changefeed replicates: its table rules (system schemas never),
 * tables without a primary key or NOT NULL unique key only with {@code force_replicate} (each such table is
 * reported once, as TiCDC warns of an ineligible table, until it has a key again), and the event filters' ignored
 * event types and DDL statements. DDL is matched on the tables and schemas it changes, as
 * TiCDC matches its DDL jobs. Used by one reader thread at a time.
 */
final class ChangeFilter {
    private final TableFilter tables;
    private final boolean forceReplicate;
    private final List<EventRule> eventRules;
    private final Map<TableName, Boolean> tableDecisions = new HashMap<>();
    private final Consumer<TableName> ineligible;
    private final Set<TableName> reportedIneligible = new HashSet<>();

    /** A filter for {@code config} that tells {@code ineligible} of each selected table whose rows it drops for want of a key. */
    ChangeFilter(ReplicaConfig config, Consumer<TableName> ineligible) {
        this.ineligible = ineligible;
        this.tables = TableFilter.of(config.filter().rules(), config.caseSensitive());
        this.forceReplicate = config.forceReplicate();
        List<EventRule> rules = new ArrayList<>();
        for (EventFilterRule rule : config.filter().eventFilters()) {
            rules.add(new EventRule(TableRules.parse(rule.matcher(), config.caseSensitive()),
                    IgnoredEventTypes.parse(rule.ignoreEvent()), IgnoredSql.parse(rule.ignoreSql())));
        }
        this.eventRules = List.copyOf(rules);
    }

    /**
     * Whether the changefeed's table rules keep the table's rows: what the binlog thread drops at TABLE_MAP. Reads
     * only the immutable rules, so any thread may call it.
     */
    boolean matchesTable(TableName name) {
        return tables.matchTable(name.schema(), name.table());
    }

    /** The upstream tables, as its catalog describes them now, whose rows the changefeed replicates. */
    List<TableName> eligible(List<UpstreamTable> catalog) {
        return TableEligibility.of(catalog, tables, forceReplicate).eligible();
    }

    /** The rows of the batch this changefeed replicates; absent when none is left. */
    Optional<RowBatch> rows(RowBatch batch) {
        List<RowChange> kept = null;
        List<RowChange> rows = batch.rows();
        for (int i = 0; i < rows.size(); i++) {
            RowChange row = rows.get(i);
            boolean keep = keepsRow(row);
            if (!keep && kept == null) {
                kept = new ArrayList<>(rows.subList(0, i));
            } else if (keep && kept != null) {
                kept.add(row);
            }
        }
        if (kept == null) {
            return rows.isEmpty() ? Optional.empty() : Optional.of(batch);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new RowBatch(batch.commitTs(), batch.part(), kept));
    }

    /**
     * The DDL as this changefeed replicates it, matched on the objects it changes (never on the session's
     * schema): unchanged, empty when filtered out, or for a RENAME TABLE or DROP TABLE/VIEW whose tables the
     * filter splits, rebuilt to name only the kept ones. A rename pair is judged as TiCDC does: kept if its old
     * name is replicated, skipped if neither name is.
     *
     * @throws CdcException SYNC_RENAME_TABLE_FAILED for a table renamed into the filter from a name outside it,
     *                      HANDLE_DDL_FAILED for a DDL whose table or schema cannot be told
     */
    Optional<DdlEvent> ddl(DdlEvent ddl) {
        if (ddl.tables().isEmpty()) {
            return keepsSchemaDdl(ddl) ? Optional.of(ddl) : Optional.empty();
        }
        return switch (ddl.type()) {
            case RENAME_TABLE -> FilteredDdl.keeping(ddl, renamesKept(ddl));
            case DROP_TABLE, DROP_VIEW -> FilteredDdl.keeping(ddl, ddl.tables().stream()
                    .filter(table -> keepsTableDdl(ddl, table)).toList());
            default -> ddl.tables().stream().anyMatch(table -> keepsTableDdl(ddl, table))
                    ? Optional.of(ddl) : Optional.empty();
        };
    }

    private List<TableName> renamesKept(DdlEvent ddl) {
        List<TableName> kept = new ArrayList<>();
        List<TableName> names = ddl.tables();
        for (int i = 0; i + 1 < names.size(); i += 2) {
            TableName from = names.get(i);
            TableName to = names.get(i + 1);
            boolean fromKept = tables.matchTable(from.schema(), from.table());
            if (!fromKept && tables.matchTable(to.schema(), to.table())) {
                throw new CdcException(ErrorCode.SYNC_RENAME_TABLE_FAILED, "table " + from + " is renamed to " + to
                        + " at ts " + ddl.commitTs() + ", whose old name is not in the changefeed's filter rules and"
                        + " new name is, so the changefeed has none of its rows (ddl query: [" + ddl.query() + "]);"
                        + " to replicate this table add its old name to filter.rules (the downstream must then have"
                        + " the table under its old name), or leave its new name out of filter.rules");
            }
            if (fromKept && !ignoredByEventFilter(ddl, from)) {
                kept.add(from);
                kept.add(to);
            }
        }
        return kept;
    }

    private boolean keepsTableDdl(DdlEvent ddl, TableName table) {
        return tables.matchTable(table.schema(), table.table()) && !ignoredByEventFilter(ddl, table);
    }

    private boolean ignoredByEventFilter(DdlEvent ddl, TableName table) {
        Optional<EventType> type = eventType(ddl.type());
        for (EventRule rule : eventRules) {
            if (rule.matcher().matchTable(table.schema(), table.table()) && ignores(rule, type, ddl)) {
                return true;
            }
        }
        return false;
    }

    /** Database DDL, matched on the database it changes; a DDL naming no object is refused unless ignore_sql says. */
    private boolean keepsSchemaDdl(DdlEvent ddl) {
        Optional<String> schema = DdlClassifier.classify(ddl.query(), ddl.schema()).schema();
        if (schema.isEmpty()) {
            if (eventRules.stream().anyMatch(rule -> rule.sql().ignores(ddl.query()))) {
                return false;
            }
            throw new CdcException(ErrorCode.HANDLE_DDL_FAILED, "cdc4j cannot tell which table or schema the DDL at"
                    + " ts " + ddl.commitTs() + " changes, so it cannot decide whether to replicate it (query: ["
                    + ddl.query() + "]); if the changefeed must not replicate it, run it downstream yourself if needed"
                    + " and add an event filter whose ignore_sql matches it");
        }
        if (!tables.matchSchema(schema.get())) {
            return false;
        }
        Optional<EventType> type = eventType(ddl.type());
        return eventRules.stream()
                .noneMatch(rule -> rule.matcher().matchSchema(schema.get()) && ignores(rule, type, ddl));
    }

    private static boolean ignores(EventRule rule, Optional<EventType> type, DdlEvent ddl) {
        boolean ignoredType = type.map(rule.types()::ignores)
                .orElseGet(() -> rule.types().types().contains(EventType.ALL_DDL));
        return ignoredType || rule.sql().ignores(ddl.query());
    }

    private boolean keepsRow(RowChange row) {
        TableInfo table = row.table();
        boolean selected = tableDecisions.computeIfAbsent(table.name(),
                name -> tables.matchTable(name.schema(), name.table()));
        if (!selected) {
            return false;
        }
        if (!forceReplicate) {
            if (!hasHandleKey(table)) {
                if (reportedIneligible.add(table.name())) {
                    ineligible.accept(table.name());
                }
                return false;
            }
            if (!reportedIneligible.isEmpty()) {
                reportedIneligible.remove(table.name());
            }
        }
        if (eventRules.isEmpty()) {
            return true;
        }
        EventType type = switch (row.kind()) {
            case INSERT -> EventType.INSERT;
            case UPDATE -> EventType.UPDATE;
            case DELETE -> EventType.DELETE;
        };
        for (EventRule rule : eventRules) {
            if (rule.types().ignores(type) && rule.matcher().matchTable(table.name().schema(), table.name().table())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasHandleKey(TableInfo table) {
        return !table.primaryKey().isEmpty() || !table.uniqueKey().isEmpty();
    }

    /** The event-filter type of a DDL; absent for kinds only {@code all ddl} names. */
    private static Optional<EventType> eventType(DdlType type) {
        return Optional.ofNullable(switch (type) {
            case CREATE_TABLE -> EventType.CREATE_TABLE;
            case DROP_TABLE -> EventType.DROP_TABLE;
            case RENAME_TABLE -> EventType.RENAME_TABLE;
            case TRUNCATE_TABLE -> EventType.TRUNCATE_TABLE;
            case ALTER_TABLE -> EventType.ALTER_TABLE;
            case ADD_COLUMN -> EventType.ADD_COLUMN;
            case DROP_COLUMN -> EventType.DROP_COLUMN;
            case CREATE_INDEX -> EventType.CREATE_INDEX;
            case DROP_INDEX -> EventType.DROP_INDEX;
            case CREATE_DATABASE -> EventType.CREATE_SCHEMA;
            case DROP_DATABASE -> EventType.DROP_SCHEMA;
            case ALTER_DATABASE -> EventType.MODIFY_SCHEMA_CHARSET_AND_COLLATE;
            case CREATE_VIEW, ALTER_VIEW -> EventType.CREATE_VIEW;
            case DROP_VIEW -> EventType.DROP_VIEW;
            case OTHER -> null;
        });
    }

    /** One event filter rule, compiled. */
    private record EventRule(TableRules matcher, IgnoredEventTypes types, IgnoredSql sql) {
    }
}
