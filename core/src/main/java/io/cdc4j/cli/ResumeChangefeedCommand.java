package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.model.Tso;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdc cli changefeed resume}: checks the changefeed exists, asks before overwriting its checkpoint or resuming
 * from more than a day behind (unless {@code --no-confirm}), then resumes it.
 */
@Command(name = "resume", description = "Resume a paused replication task (changefeed).")
final class ResumeChangefeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Mixin
    ChangefeedTarget target;

    @Option(names = "--overwrite-checkpoint-ts", paramLabel = "now|TS",
            description = "Resume from this ts instead of the checkpoint: 'now' or a ts.")
    Optional<String> overwriteCheckpointTs = Optional.empty();

    @Option(names = "--no-confirm", description = "Do not ask for confirmation.")
    boolean noConfirm;

    @Override
    public Integer call() {
        CliSession session = changefeeds.cli.session(spec);
        JsonNode detail = session.api().getChangefeed(target.namespace, target.id);
        long nowTs = Tso.fromInstant(Instant.now());
        long overwrite = overwriteCheckpointTs.map(text -> OverwriteCheckpointTs.parse(text, nowTs)).orElse(0L);
        if (!noConfirm) {
            if (overwrite == 0) {
                session.confirmation().requireLagAccepted(detail.path("checkpoint_ts").asLong(nowTs), "resume");
            } else if (!session.confirmation().ask("You are overwriting the checkpoint of changefeed(" + target.id
                    + ") to " + overwrite + ", which may lead to data loss or data duplication.\n"
                    + "Confirm that you know what this command will do and use it at your own risk [Y/N]")) {
                session.println("Abort changefeed resume.");
                throw Confirmation.aborted("resume");
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("overwrite_checkpoint_ts", overwrite);
        session.api().resumeChangefeed(target.namespace, target.id, body);
        return 0;
    }
}
