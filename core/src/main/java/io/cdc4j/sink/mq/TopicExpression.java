package io.cdc4j.sink.mq;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code sink.dispatchers[].topic} as TiCDC reads it: a fixed Kafka topic name, or an expression with a
 * {@code {schema}} and/or {@code {table}} placeholder that each table's name fills in (characters Kafka does not
 * allow made {@code _}, the result cut to 249 characters, {@code .} and {@code ..} made {@code _} and {@code __}).
 */
public final class TopicExpression {
    private static final Pattern FIXED = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final Pattern EXPRESSION = Pattern.compile(
            "^[A-Za-z0-9._-]*(\\{schema\\})?([A-Za-z0-9._-]*\\{table\\})?[A-Za-z0-9._-]*$");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_TOPIC = 249;

    private final String expression;

    private TopicExpression(String expression) {
        this.expression = expression;
    }

    /**
     * @throws CdcException SINK_INVALID_CONFIG naming the expression when it is neither a topic name nor an
     *                      expression TiCDC accepts (placeholders are lower case; {@code {table}} needs nothing
     *                      else than topic characters around it)
     */
    public static TopicExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        if (expression.isEmpty() || !FIXED.matcher(expression).matches()
                && !EXPRESSION.matcher(expression).matches()) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "invalid topic expression " + expression
                    + ": use a Kafka topic name ([A-Za-z0-9._-]) with at most one {schema} and one {table}, in that"
                    + " order, e.g. hello_{schema}_{table}");
        }
        return new TopicExpression(expression);
    }

    /** Whether the expression names both {@code {schema}} and {@code {table}} (avro requires it). */
    public boolean namesSchemaAndTable() {
        return expression.contains("{schema}") && expression.contains("{table}");
    }

    /** The topic of a table's messages. */
    public String topic(String schema, String table) {
        String topic = expression.replace("{schema}", sanitized(schema)).replace("{table}", sanitized(table));
        if (topic.length() > MAX_TOPIC) {
            topic = topic.substring(0, MAX_TOPIC);
        }
        return switch (topic) {
            case "." -> "_";
            case ".." -> "__";
            default -> topic;
        };
    }

    private static String sanitized(String name) {
        return NOT_ALLOWED.matcher(name).replaceAll("_");
    }

    @Override
    public String toString() {
        return expression;
    }
}
