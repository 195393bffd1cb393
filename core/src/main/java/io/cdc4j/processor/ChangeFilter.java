package io.cdc4j.processor;

import io.cdc4j.config.EventFilterRule;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.filter.EventType;
import io.cdc4j.filter.IgnoredEventTypes;
import io.cdc4j.filter.IgnoredSql;
import io.cdc4j.filter.TableFilter;
import io.cdc4j.filter.TableRules;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.RowKind;
import io.cdc4j.model.TableInfo;
import io.cdc4j.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which changes of the binlog a changefeed replicates: its table rules (system schemas never),
 * tables without a primary key or NOT NULL unique key only with {@code force_replicate}, and the event
 * filters' ignored event types and DDL statements. Used by one reader thread at a time.
 */
final class ChangeFilter {
    private final TableFilter tables;
    private final boolean forceReplicate;
    private final List<EventRule> eventRules;
    private final Map<TableName, Boolean> tableDecisions = new HashMap<>();

    ChangeFilter(ReplicaConfig config) {
        this.tables = TableFilter.of(config.filter().rules(), config.caseSensitive());
        this.forceReplicate = config.forceReplicate();
        List<EventRule> rules = new ArrayList<>();
        for (EventFilterRule rule : config.filter().eventFilters()) {
            rules.add(new EventRule(TableRules.parse(rule.matcher(), config.caseSensitive()),
                    IgnoredEventTypes.parse(rule.ignoreEvent()), IgnoredSql.parse(rule.ignoreSql())));
        }
        this.eventRules = List.copyOf(rules);
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

    /** Whether this changefeed replicates the DDL. */
    boolean keepsDdl(DdlEvent ddl) {
        boolean selected = ddl.tables().isEmpty()
                ? tables.matchSchema(ddl.schema())
                : ddl.tables().stream().anyMatch(table -> tables.matchTable(table.schema(), table.table()));
        if (!selected) {
            return false;
        }
        Optional<EventType> type = eventType(ddl.type());
        for (EventRule rule : eventRules) {
            boolean matched = ddl.tables().isEmpty()
                    ? rule.matcher().matchSchema(ddl.schema())
                    : ddl.tables().stream().anyMatch(t -> rule.matcher().matchTable(t.schema(), t.table()));
            boolean ignoredType = type.map(rule.types()::ignores)
                    .orElseGet(() -> rule.types().types().contains(EventType.ALL_DDL));
            if (matched && (ignoredType || rule.sql().ignores(ddl.query()))) {
                return false;
            }
        }
        return true;
    }

    private boolean keepsRow(RowChange row) {
        TableInfo table = row.table();
        boolean selected = tableDecisions.computeIfAbsent(table.name(),
                name -> tables.matchTable(name.schema(), name.table()));
        if (!selected || !(forceReplicate || hasHandleKey(table))) {
            return false;
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
            case OTHER -> null;
        });
    }

    /** One event filter rule, compiled. */
    private record EventRule(TableRules matcher, IgnoredEventTypes types, IgnoredSql sql) {
    }
}
