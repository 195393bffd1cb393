package io.cdc4j.sink.mq;

import io.cdc4j.config.DispatchRule;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.filter.TableFilter;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.TableName;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Routes a changefeed's events to topics and partitions as TiCDC's {@code sink.dispatchers} say: the first rule
 * whose matcher accepts the table decides (a last implicit rule sends every table by table to the default topic);
 * a rule's topic is the URI's default topic when empty, else a {@link TopicExpression}; its partition rule one of
 * {@code default}/{@code table}, {@code ts}, {@code index-value} (alias {@code rowid}, optionally with {@code index})
 * and {@code columns}. Schema DDL goes to the default topic, table DDL to the topic of the table it names first (a
 * rename's old name).
 */
public final class EventRouter {
    private final String defaultTopic;

    /** Where one table's messages go. */
    public record Route(String topic, PartitionDispatcher dispatcher) {
    }

    private record Rule(TableFilter matcher, Optional<TopicExpression> topic, PartitionDispatcher dispatcher) {
    }

    private final List<Rule> rules;

    private EventRouter(String defaultTopic, List<Rule> rules) {
        this.defaultTopic = defaultTopic;
        this.rules = rules;
    }

    /**
     * The router of {@code dispatchers}; {@code unknownPartition} is told of a partition rule TiCDC does not know
     * (such a rule dispatches by table, with a warning, as TiCDC's Kafka sink does).
     *
     * @throws CdcException SINK_INVALID_CONFIG for a topic expression TiCDC refuses, a {@code columns} rule without
     *                      columns, or (with {@code avro}) a topic without both placeholders; FILTER_RULE_INVALID for a
     *                      malformed matcher
     */
    public static EventRouter of(String defaultTopic, List<DispatchRule> dispatchers, boolean caseSensitive,
                                 boolean avro, ZoneId timeZone, Consumer<String> unknownPartition) {
        Objects.requireNonNull(defaultTopic, "defaultTopic");
        List<Rule> rules = new ArrayList<>();
        for (DispatchRule rule : dispatchers) {
            Optional<TopicExpression> topic = rule.topic().isEmpty() ? Optional.empty()
                    : Optional.of(TopicExpression.parse(rule.topic()));
            if (avro && topic.isPresent() && !topic.get().namesSchemaAndTable()) {
                throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "the avro protocol needs topic expressions "
                        + "with both {schema} and {table}, not " + topic.get());
            }
            rules.add(new Rule(TableFilter.of(rule.matcher(), caseSensitive), topic,
                    dispatcher(rule, timeZone, unknownPartition)));
        }
        rules.add(new Rule(TableFilter.of(List.of("*.*"), caseSensitive), Optional.empty(),
                new PartitionDispatcher.ByTable()));
        return new EventRouter(defaultTopic, List.copyOf(rules));
    }

    private static PartitionDispatcher dispatcher(DispatchRule rule, ZoneId timeZone, Consumer<String> unknown) {
        String partition = rule.partition().toLowerCase(Locale.ROOT);
        return switch (partition) {
            case "", "default", "table" -> new PartitionDispatcher.ByTable();
            case "ts" -> new PartitionDispatcher.ByCommitTs();
            case "index-value", "rowid" -> new PartitionDispatcher.ByIndexValue(
                    rule.index().isEmpty() ? Optional.empty() : Optional.of(rule.index()), timeZone);
            case "columns" -> {
                if (rule.columns().isEmpty()) {
                    throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "the columns partition rule of matcher "
                            + rule.matcher() + " lists no columns");
                }
                yield new PartitionDispatcher.ByColumns(rule.columns(), timeZone);
            }
            default -> {
                unknown.accept(rule.partition());
                yield new PartitionDispatcher.ByTable();
            }
        };
    }

    /** Where the rows of {@code table} go. */
    public Route route(TableName table) {
        for (Rule rule : rules) {
            if (rule.matcher().matchTable(table.schema(), table.table())) {
                return new Route(rule.topic().map(t -> t.topic(table.schema(), table.table())).orElse(defaultTopic),
                        rule.dispatcher());
            }
        }
        throw new IllegalStateException("the last rule matches every table");
    }

    /** The topic of a DDL: a table's (the first it names), or the default topic for a schema DDL. */
    public String topicOf(DdlEvent ddl) {
        return ddl.tables().isEmpty() ? defaultTopic : route(ddl.tables().getFirst()).topic();
    }
}
