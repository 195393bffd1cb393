package io.cdc4j.api;

import io.cdc4j.config.EventFilterRule;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigValidator;
import io.cdc4j.filter.IgnoredEventTypes;
import io.cdc4j.filter.IgnoredSql;
import io.cdc4j.filter.TableEligibility;
import io.cdc4j.filter.TableFilter;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;
import io.cdc4j.upstream.Prerequisites;
import io.cdc4j.upstream.UpstreamConfig;
import io.cdc4j.upstream.UpstreamDatabase;
import java.util.Optional;

/**
 * The checks of a changefeed's sink URI and replica config that create and update share, in TiCDC's order: the URI
 * and its scheme, the config against that sink, the sink's URI parameters, the filter rules and event filters, the
 * upstream's set-up for change data capture ({@link Prerequisites}: binlog format, row image and metadata,
 * compression, grants), its tables (with neither {@code force_replicate} nor {@code ignore_ineligible_table}, a
 * selected table without a primary key or NOT NULL unique key refuses the changefeed), then the sink probe.
 */
final class ChangefeedSettingsCheck {
    private final SinkFactory sinks;
    private final Optional<UpstreamConfig> upstream;

    ChangefeedSettingsCheck(SinkFactory sinks, Optional<UpstreamConfig> upstream) {
        this.sinks = sinks;
        this.upstream = upstream;
    }

    /**
     * @return the config as it will be stored (adjusted by the validator)
     * @throws io.cdc4j.error.CdcException with the failing check's TiCDC code
     */
    ReplicaConfig check(String sinkUri, ReplicaConfig config) {
        SinkUri uri = SinkUri.parse(sinkUri);
        ReplicaConfig validated = ReplicaConfigValidator.validate(config, uri.scheme(), uri.params());
        sinks.check(uri, validated);
        TableFilter tables = TableFilter.of(validated.filter().rules(), validated.caseSensitive());
        for (EventFilterRule rule : validated.filter().eventFilters()) {
            TableFilter.of(rule.matcher(), validated.caseSensitive());
            IgnoredEventTypes.parse(rule.ignoreEvent());
            IgnoredSql.parse(rule.ignoreSql());
        }
        upstream.ifPresent(database -> checkTables(database, tables, validated));
        sinks.probe(uri, validated);
        return validated;
    }

    private static void checkTables(UpstreamConfig database, TableFilter tables, ReplicaConfig config) {
        try (UpstreamDatabase catalog = UpstreamDatabase.connect(database)) {
            Prerequisites.check(catalog);
            TableEligibility.of(catalog.tables(), tables, config.forceReplicate())
                    .requireEligible(config.ignoreIneligibleTable());
        }
    }
}
