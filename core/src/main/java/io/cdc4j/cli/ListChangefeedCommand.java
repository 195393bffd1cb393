package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdc cli changefeed list}: the namespace's changefeeds as TiCDC summarises them. */
@Command(name = "list", description = "List the replication tasks (changefeeds) of a namespace.")
final class ListChangefeedCommand implements Callable<Integer> {
    private static final Set<String> ENDED = Set.of("finished", "removed");

    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Replication task (changefeed) namespace (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = {"-a", "--all"}, description = "Include finished and removed changefeeds.")
    boolean all;

    @Override
    public Integer call() {
        CliSession session = changefeeds.cli.session(spec);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : session.api().listChangefeeds(namespace, "all")) {
            String state = item.path("state").asText("");
            if (all || !ENDED.contains(state)) {
                result.add(summary(item));
            }
        }
        session.printJson(result);
        return 0;
    }

    /** {@code {id, namespace, summary: {state, tso, checkpoint, error}}}; a normal changefeed shows no error. */
    static ObjectNode summary(JsonNode item) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", item.path("id").asText(""));
        entry.put("namespace", item.path("namespace").asText(""));
        ObjectNode summary = entry.putObject("summary");
        String state = item.path("state").asText("");
        summary.put("state", state);
        summary.set("tso", item.path("checkpoint_tso").isMissingNode()
                ? JsonNodeFactory.instance.numberNode(0) : item.get("checkpoint_tso"));
        summary.put("checkpoint", item.path("checkpoint_time").asText(""));
        JsonNode error = item.path("error");
        summary.set("error", state.equals("normal") || error.isMissingNode() ? JsonNodeFactory.instance.nullNode()
                : error);
        return entry;
    }
}
