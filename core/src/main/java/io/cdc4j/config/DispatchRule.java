package io.cdc4j.config;

import java.util.List;

/** One {@code sink.dispatchers} entry: the topic and partition rule for the matched tables of an MQ sink. */
public record DispatchRule(List<String> matcher, String partition, String topic, String index, List<String> columns) {
    public DispatchRule {
        matcher = Values.list(matcher);
        partition = Values.text(partition);
        topic = Values.text(topic);
        index = Values.text(index);
        columns = Values.list(columns);
    }
}
