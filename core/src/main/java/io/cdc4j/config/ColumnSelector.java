package io.cdc4j.config;

import java.util.List;

/** One {@code sink.column_selectors} entry: which columns of the matched tables an MQ sink emits. */
public record ColumnSelector(List<String> matcher, List<String> columns) {
    public ColumnSelector {
        matcher = Values.list(matcher);
        columns = Values.list(columns);
    }
}
