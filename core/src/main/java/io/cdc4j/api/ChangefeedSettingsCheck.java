package io.cdc4j.api;

import io.cdc4j.config.EventFilterRule;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigValidator;
import io.cdc4j.filter.IgnoredEventTypes;
import io.cdc4j.filter.IgnoredSql;
import io.cdc4j.filter.TableFilter;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;

/**
 * The checks of a changefeed's sink URI and replica config that create and update share, in TiCDC's order: the URI
 * and its scheme, the config against that sink, the filter rules and event filters, then the sink probe.
 */
final class ChangefeedSettingsCheck {
    private final SinkFactory sinks;

    ChangefeedSettingsCheck(SinkFactory sinks) {
        this.sinks = sinks;
    }

    /**
     * @return the config as it will be stored (adjusted by the validator)
     * @throws io.cdc4j.error.CdcException with the failing check's TiCDC code
     */
    ReplicaConfig check(String sinkUri, ReplicaConfig config) {
        SinkUri uri = SinkUri.parse(sinkUri);
        ReplicaConfig validated = ReplicaConfigValidator.validate(config, uri.scheme(), uri.params());
        TableFilter.of(validated.filter().rules(), validated.caseSensitive());
        for (EventFilterRule rule : validated.filter().eventFilters()) {
            TableFilter.of(rule.matcher(), validated.caseSensitive());
            IgnoredEventTypes.parse(rule.ignoreEvent());
            IgnoredSql.parse(rule.ignoreSql());
        }
        sinks.probe(uri);
        return validated;
    }
}
