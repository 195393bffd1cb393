package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdc cli changefeed query}: one changefeed in TiCDC's cli shape ({@code checkpoint_tso}, millisecond
 * {@code create_time}), or with {@code -s} its list entry.
 */
@Command(name = "query", description = "Query the information and status of a replication task (changefeed).")
final class QueryChangefeedCommand implements Callable<Integer> {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Mixin
    ChangefeedTarget target;

    @Option(names = {"-s", "--simple"}, description = "Print the simplified status only.")
    boolean simple;

    @Override
    public Integer call() {
        CliSession session = changefeeds.cli.session(spec);
        if (simple) {
            JsonNode item = session.api().listChangefeeds(target.namespace, "all").stream()
                    .filter(cf -> cf.path("id").asText().equals(target.id))
                    .findFirst()
                    .orElseThrow(() -> new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS,
                            "changefeed not exists, " + target.id));
            session.printJson(item);
        } else {
            session.printJson(detail(session.api().getChangefeed(target.namespace, target.id)));
        }
        return 0;
    }

    /** The v2 ChangeFeedInfo rearranged as TiCDC's cli prints it; absent optional parts stay absent. */
    static ObjectNode detail(JsonNode info) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode meta = json.objectNode();
        meta.set("upstream_id", info.has("upstream_id") ? info.get("upstream_id") : json.numberNode(0));
        meta.put("namespace", info.path("namespace").asText(""));
        meta.put("id", info.path("id").asText(""));
        meta.put("sink_uri", info.path("sink_uri").asText(""));
        meta.set("config", info.has("config") ? info.get("config") : json.nullNode());
        meta.put("create_time", millis(info.path("create_time").asText("")));
        meta.set("start_ts", number(info, "start_ts"));
        meta.set("resolved_ts", number(info, "resolved_ts"));
        meta.set("target_ts", number(info, "target_ts"));
        meta.set("checkpoint_tso", number(info, "checkpoint_ts"));
        meta.put("checkpoint_time", info.path("checkpoint_time").asText(""));
        meta.put("state", info.path("state").asText(""));
        if (info.hasNonNull("error")) {
            meta.set("error", info.get("error"));
        }
        meta.put("creator_version", info.path("creator_version").asText(""));
        if (info.hasNonNull("task_status")) {
            meta.set("task_status", info.get("task_status"));
        }
        return meta;
    }

    private static JsonNode number(JsonNode info, String field) {
        return info.has(field) ? info.get(field) : JsonNodeFactory.instance.numberNode(0);
    }

    /** The v2 RFC 3339 time in the cli's millisecond format, keeping the server's offset as Go does. */
    static String millis(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339).format(MILLIS);
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
    }
}
