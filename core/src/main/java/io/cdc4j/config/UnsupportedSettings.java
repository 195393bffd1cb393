package io.cdc4j.config;

import static io.cdc4j.config.ConfigErrors.unsupported;

import io.cdc4j.error.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses the settings of TiCDC's model that cdc4j reads but does not act on yet, whenever one is set to anything but
 * its default, so that nobody believes a filter, a sync point or a redo log works while nothing happens. Settings that
 * TiCDC itself ignores for the chosen sink (message-queue and storage sections on a MySQL sink, the sync-point
 * intervals while sync points are off) stay accepted, as TiCDC accepts them.
 */
final class UnsupportedSettings {
    private static final String REMOVE_IT = "; remove it";
    /**
     * TiCDC's {@code ignore_event} kinds that cdc4j's DDL classifier does not tell apart (it counts them as
     * {@code alter table}, {@code create index} or {@code drop index}, or does not know them), so a rule naming one
     * would ignore nothing, or something else.
     */
    private static final Set<String> EVENT_KINDS_NOT_TOLD_APART = Set.of("recover table", "modify table comment",
            "modify table charset and collate", "add table partition", "drop table partition",
            "truncate table partition", "exchange table partition", "reorganize table partition",
            "alter table partitioning", "remove table partitioning", "modify column", "set default value",
            "rebase auto id", "add primary key", "drop primary key", "rename index", "alter index visibility",
            "alter ttl info", "alter ttl remove", "multi schema change", "add foreign key", "drop foreign key");

    private UnsupportedSettings() {
    }

    /**
     * @param uriParams the sink URI's query parameters, which win over their config twins (the MySQL sink refuses
     *                  the parameters themselves)
     * @throws io.cdc4j.error.CdcException INVALID_REPLICA_CONFIG or SINK_INVALID_CONFIG naming the first such setting
     */
    static void refuse(ReplicaConfig config, SinkKind kind, Map<String, String> uriParams) {
        refuseTopLevel(config, kind);
        refuseIntegrity(config, kind);
        refuseFilter(config.filter());
        if (kind == SinkKind.MYSQL) {
            refuseOnMySql(config.sink(), uriParams);
        }
    }

    private static void refuseTopLevel(ReplicaConfig config, SinkKind kind) {
        if (config.enableSyncPoint()) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "enable_sync_point", "enable-sync-point",
                    "no sync points are written to the downstream; set it to false");
        }
        if (config.bdrMode()) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "bdr_mode", "bdr-mode",
                    "cdc4j does not mark the changes it writes, so a changefeed in the other direction would"
                            + " replicate them back; set it to false");
        }
        if (config.enableTableMonitor()) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "enable_table_monitor", "enable-table-monitor",
                    "cdc4j has no per-table monitor metrics; set it to false");
        }
        if (config.consistent().level().equals("eventual")) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "consistent.level", "[consistent] level",
                    "level eventual needs the redo log, which cdc4j does not write; set it to none");
        }
        // TiCDC itself turns it off for MySQL sinks; it keeps it only for Kafka and blackhole.
        if (config.scheduler().enableTableAcrossNodes() && (kind == SinkKind.BLACKHOLE || kind == SinkKind.MQ)) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "scheduler.enable_table_across_nodes",
                    "[scheduler] enable-table-across-nodes",
                    "cdc4j spreads whole tables over captures and never splits one table across them;"
                            + " set it to false");
        }
    }

    private static void refuseIntegrity(ReplicaConfig config, SinkKind kind) {
        // TiCDC turns it into none for every sink but Kafka, which then carries row checksums.
        if (kind == SinkKind.MQ && config.integrity().integrityCheckLevel().equals("correctness")) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "integrity.integrity_check_level",
                    "[integrity] integrity-check-level", "cdc4j computes no row checksums, so none would be sent or"
                            + " checked; set it to none");
        }
    }

    private static void refuseFilter(FilterConfig filter) {
        if (!filter.ignoreTxnStartTs().isEmpty()) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "filter.ignore_txn_start_ts",
                    "[filter] ignore-txn-start-ts",
                    "binlog transactions have no TiDB start ts to match, so no transaction would be skipped"
                            + REMOVE_IT);
        }
        List<EventFilterRule> rules = filter.eventFilters();
        for (int i = 0; i < rules.size(); i++) {
            EventFilterRule rule = rules.get(i);
            for (String kind : rule.ignoreEvent()) {
                if (EVENT_KINDS_NOT_TOLD_APART.contains(kind)) {
                    throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "filter.event_filters[" + i + "].ignore_event",
                            "[[filter.event-filters]] ignore-event", "the event kind '" + kind + "' is not told apart;"
                                    + " cdc4j knows the DDL kinds create/drop schema, modify schema charset and collate,"
                                    + " create/drop/rename/truncate table, add/drop column, create/drop index and"
                                    + " create/drop view, and counts every other ALTER TABLE as alter table; use"
                                    + " 'alter table', 'all ddl' or ignore_sql instead");
                }
            }
            valueExpression(i, "ignore_insert_value_expr", rule.ignoreInsertValueExpr());
            valueExpression(i, "ignore_update_new_value_expr", rule.ignoreUpdateNewValueExpr());
            valueExpression(i, "ignore_update_old_value_expr", rule.ignoreUpdateOldValueExpr());
            valueExpression(i, "ignore_delete_value_expr", rule.ignoreDeleteValueExpr());
        }
    }

    private static void valueExpression(int rule, String key, String expression) {
        if (!expression.isEmpty()) {
            throw unsupported(ErrorCode.INVALID_REPLICA_CONFIG, "filter.event_filters[" + rule + "]." + key,
                    "[[filter.event-filters]] " + key.replace('_', '-'),
                    "value expressions are not evaluated, so no row would be filtered out (ignore_event and"
                            + " ignore_sql work)" + REMOVE_IT);
        }
    }

    private static void refuseOnMySql(SinkConfig sink, Map<String, String> uriParams) {
        if (!sink.dispatchers().isEmpty()) {
            throw unsupported(ErrorCode.SINK_INVALID_CONFIG, "sink.dispatchers", "[[sink.dispatchers]]",
                    "dispatchers choose message-queue topics and partitions, which a MySQL sink does not have"
                            + "; remove them");
        }
        if (!sink.columnSelectors().isEmpty()) {
            throw unsupported(ErrorCode.SINK_INVALID_CONFIG, "sink.column_selectors", "[[sink.column-selectors]]",
                    "a MySQL sink writes every column of a replicated table; remove them");
        }
        if (!uriParams.containsKey("transaction-atomicity")
                && sink.transactionAtomicity().filter(level -> level.equals("table")).isPresent()) {
            throw unsupported(ErrorCode.SINK_INVALID_CONFIG, "sink.transaction_atomicity",
                    "[sink] transaction-atomicity",
                    "the MySQL sink may write a large transaction to one table as several downstream transactions"
                            + "; set it to none or remove it");
        }
        sink.mysqlConfig().ifPresent(mysql -> refuseMySqlConfig(mysql, uriParams));
    }

    private static void refuseMySqlConfig(MySqlConfig mysql, Map<String, String> uriParams) {
        if (!uriParams.containsKey("max-multi-update-row") && mysql.maxMultiUpdateRowCount()
                .filter(n -> n != MySqlConfig.DEFAULT_MAX_MULTI_UPDATE_ROW_COUNT).isPresent()) {
            throw unsupported(ErrorCode.SINK_INVALID_CONFIG, "sink.mysql_config.max_multi_update_row_count",
                    "[sink.mysql-config] max-multi-update-row",
                    "the MySQL sink writes one UPDATE statement per row" + REMOVE_IT);
        }
        if (!uriParams.containsKey("max-multi-update-row-size") && mysql.maxMultiUpdateRowSize()
                .filter(n -> n != MySqlConfig.DEFAULT_MAX_MULTI_UPDATE_ROW_SIZE).isPresent()) {
            throw unsupported(ErrorCode.SINK_INVALID_CONFIG, "sink.mysql_config.max_multi_update_row_size",
                    "[sink.mysql-config] max-multi-update-row-size",
                    "the MySQL sink writes one UPDATE statement per row" + REMOVE_IT);
        }
        Optional<String> txnMode = mysql.tidbTxnMode().map(mode -> mode.toLowerCase(Locale.ROOT));
        if (!uriParams.containsKey("tidb-txn-mode") && txnMode.filter(mode -> mode.equals("pessimistic")).isPresent()) {
            throw unsupported(ErrorCode.SINK_INVALID_CONFIG, "sink.mysql_config.tidb_txn_mode",
                    "[sink.mysql-config] tidb-txn-mode",
                    "the MySQL sink never sets tidb_txn_mode on the downstream" + REMOVE_IT);
        }
    }
}
