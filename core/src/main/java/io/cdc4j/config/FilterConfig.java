package io.cdc4j.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code filter} section: table rules, ignored transactions and event filters (their syntax is checked by io.cdc4j.filter). */
public record FilterConfig(
        List<String> rules,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> ignoreTxnStartTs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EventFilterRule> eventFilters) {

    public FilterConfig {
        rules = Values.list(rules);
        ignoreTxnStartTs = Values.list(ignoreTxnStartTs);
        for (Long ts : ignoreTxnStartTs) {
            Values.unsigned("filter.ignore_txn_start_ts", ts);
        }
        eventFilters = Values.list(eventFilters);
    }

    /** TiCDC's default: every table. */
    public static FilterConfig defaults() {
        return new FilterConfig(List.of("*.*"), List.of(), List.of());
    }

    FilterConfig withRules(List<String> newRules) {
        return new FilterConfig(newRules, ignoreTxnStartTs, eventFilters);
    }
}
