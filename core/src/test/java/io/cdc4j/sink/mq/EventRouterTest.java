package io.cdc4j.sink.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.DispatchRule;
import io.cdc4j.error.CdcException;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import io.cdc4j.model.TableName;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRouterTest {
    private static DispatchRule rule(String matcher, String partition, String topic) {
        return new DispatchRule(List.of(matcher), partition, topic, "", List.of());
    }

    @Test
    void theFirstMatchingRuleDecidesAndTheRestGoByTableToTheDefaultTopic() {
        List<String> unknown = new ArrayList<>();
        EventRouter router = EventRouter.of("cdc", List.of(rule("shop.orders", "ts", "orders"),
                rule("shop.*", "index-value", "shop_{table}"), rule("logs.*", "nonsense", "")), false, false,
                ZoneOffset.UTC, unknown::add);
        assertThat(router.route(new TableName("shop", "orders")))
                .isEqualTo(new EventRouter.Route("orders", new PartitionDispatcher.ByCommitTs()));
        EventRouter.Route items = router.route(new TableName("SHOP", "items"));
        assertThat(items.topic()).as("matching is case-insensitive; the name keeps its case").isEqualTo("shop_items");
        assertThat(items.dispatcher()).isInstanceOf(PartitionDispatcher.ByIndexValue.class);
        assertThat(router.route(new TableName("logs", "l1")))
                .isEqualTo(new EventRouter.Route("cdc", new PartitionDispatcher.ByTable()));
        assertThat(unknown).as("an unknown partition rule is reported and dispatches by table")
                .containsExactly("nonsense");
        assertThat(router.route(new TableName("other", "x")))
                .isEqualTo(new EventRouter.Route("cdc", new PartitionDispatcher.ByTable()));
    }

    @Test
    void schemaDdlGoesToTheDefaultTopicAndARenameToItsOldTablesTopic() {
        EventRouter router = EventRouter.of("cdc", List.of(rule("db.*", "table", "{schema}_{table}")), false, false,
                ZoneOffset.UTC, ignored -> { });
        assertThat(router.topicOf(new DdlEvent("db", List.of(), DdlType.CREATE_DATABASE, "CREATE DATABASE db", 1)))
                .isEqualTo("cdc");
        assertThat(router.topicOf(new DdlEvent("db", List.of(new TableName("db", "a"), new TableName("db", "b")),
                DdlType.RENAME_TABLE, "RENAME TABLE a TO b", 1))).isEqualTo("db_a");
    }

    @Test
    void topicExpressionsAreCheckedAndFilledAsTiCdcFillsThem() {
        assertThat(TopicExpression.parse("hello_{schema}_{table}").topic("my db", "t-1")).isEqualTo("hello_my_db_t-1");
        assertThat(TopicExpression.parse("{schema}").topic("..", "t")).isEqualTo("__");
        assertThat(TopicExpression.parse("{table}").topic("d", ".")).isEqualTo("_");
        assertThat(TopicExpression.parse("fixed.topic-1").topic("d", "t")).isEqualTo("fixed.topic-1");
        assertThat(TopicExpression.parse("x{table}").topic("d", "t".repeat(300))).hasSize(249);
        assertThat(TopicExpression.parse("{schema}_{table}").namesSchemaAndTable()).isTrue();
        for (String bad : List.of("", "{Schema}", "{table}_{schema}", "a b", "{schema}{schema}", "t/{table}")) {
            assertThatThrownBy(() -> TopicExpression.parse(bad)).as(bad).isInstanceOf(CdcException.class)
                    .hasMessageContaining("CDC:ErrSinkInvalidConfig");
        }
        assertThatThrownBy(() -> EventRouter.of("cdc", List.of(rule("*.*", "", "{schema}")), false, true,
                ZoneOffset.UTC, ignored -> { })).hasMessageContaining("avro");
        assertThatThrownBy(() -> EventRouter.of("cdc", List.of(rule("*.*", "columns", "")), false, false,
                ZoneOffset.UTC, ignored -> { })).hasMessageContaining("lists no columns");
    }
}
