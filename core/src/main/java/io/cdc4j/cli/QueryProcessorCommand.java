package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdc cli processor query}: the tables one capture replicates for one changefeed, in the task-status shape
 * TiCDC's cli keeps for old scripts ({@code {"status": {"tables": {"42": {"start-ts": 0}}, ...}, "position": null}}).
 */
@Command(name = "query", description = "Query the tables of one changefeed on one capture (a processor).")
final class QueryProcessorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProcessorCommand processors;

    @Mixin
    ChangefeedTarget target;

    @Option(names = {"-p", "--capture-id"}, required = true, paramLabel = "CAPTURE_ID", description = "Capture ID.")
    String captureId;

    @Override
    public Integer call() {
        CliSession session = processors.cli.session(spec);
        session.printJson(taskStatus(session.api().processor(target.namespace, target.id, captureId)));
        return 0;
    }

    /** Table ids become the keys of {@code tables}, sorted as Go sorts map keys (as text). */
    static ObjectNode taskStatus(JsonNode processor) {
        TreeSet<String> tableIds = new TreeSet<>();
        processor.path("table_ids").forEach(id -> tableIds.add(id.asText()));
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        ObjectNode status = meta.putObject("status");
        ObjectNode tables = status.putObject("tables");
        tableIds.forEach(id -> tables.putObject(id).put("start-ts", 0));
        status.putNull("operation");
        status.put("admin-job-type", 0);
        meta.putNull("position");
        return meta;
    }
}
