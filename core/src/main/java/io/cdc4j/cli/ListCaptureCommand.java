package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdc cli capture list}: the live captures, with TiCDC cli's kebab-case keys ({@code is-owner}). */
@Command(name = "list", description = "List the captures of the cluster.")
final class ListCaptureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CaptureCommand captures;

    @Override
    public Integer call() {
        CliSession session = captures.cli.session(spec);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode capture : session.api().captures()) {
            result.addObject()
                    .put("id", capture.path("id").asText(""))
                    .put("is-owner", capture.path("is_owner").asBoolean(false))
                    .put("address", capture.path("address").asText(""))
                    .put("cluster-id", capture.path("cluster_id").asText(""));
        }
        session.printJson(result);
        return 0;
    }
}
