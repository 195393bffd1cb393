package io.cdc4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdc cli processor list}: every processor of the cluster ({@code namespace, changefeed_id, capture_id}). */
@Command(name = "list", description = "List the processors of the cluster.")
final class ListProcessorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProcessorCommand processors;

    @Override
    public Integer call() {
        CliSession session = processors.cli.session(spec);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        session.api().processors().forEach(result::add);
        session.printJson(result);
        return 0;
    }
}
