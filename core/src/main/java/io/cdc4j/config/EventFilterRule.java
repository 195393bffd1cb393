package io.cdc4j.config;

import java.util.List;

/** One {@code filter.event_filters} entry: which events, statements or values to drop for the matched tables. */
public record EventFilterRule(
        List<String> matcher,
        List<String> ignoreEvent,
        List<String> ignoreSql,
        String ignoreInsertValueExpr,
        String ignoreUpdateNewValueExpr,
        String ignoreUpdateOldValueExpr,
        String ignoreDeleteValueExpr) {

    public EventFilterRule {
        matcher = Values.list(matcher);
        ignoreEvent = Values.list(ignoreEvent);
        ignoreSql = Values.list(ignoreSql);
        ignoreInsertValueExpr = Values.text(ignoreInsertValueExpr);
        ignoreUpdateNewValueExpr = Values.text(ignoreUpdateNewValueExpr);
        ignoreUpdateOldValueExpr = Values.text(ignoreUpdateOldValueExpr);
        ignoreDeleteValueExpr = Values.text(ignoreDeleteValueExpr);
    }
}
