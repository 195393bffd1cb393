package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.cli.client.ApiException;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdc cli changefeed remove}: removes the changefeed, checks it is gone, and reports its last checkpoint and
 * sink; a changefeed that does not exist is reported and is not an error, as in TiCDC.
 */
@Command(name = "remove", description = "Remove a replication task (changefeed).")
final class RemoveChangefeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Mixin
    ChangefeedTarget target;

    @Override
    public Integer call() {
        CliSession session = changefeeds.cli.session(spec);
        JsonNode detail;
        try {
            detail = session.api().getChangefeed(target.namespace, target.id);
        } catch (ApiException e) {
            if (isNotFound(e)) {
                session.println("Changefeed not found.");
                session.println("ID: " + target.id);
                return 0;
            }
            throw failed(session, e);
        }
        try {
            session.api().removeChangefeed(target.namespace, target.id);
            session.api().getChangefeed(target.namespace, target.id);
        } catch (ApiException e) {
            if (!isNotFound(e)) {
                throw failed(session, e);
            }
            session.println("Changefeed remove successfully.");
            session.println("ID: " + target.id);
            session.println("CheckpointTs: " + detail.path("checkpoint_ts").asLong(0));
            session.println("SinkURI: " + detail.path("sink_uri").asText(""));
            return 0;
        }
        throw failed(session, new CdcException(ErrorCode.CHANGEFEED_DELETION_UNFINISHED,
                "changefeed " + target.id + " is still present after it was removed"));
    }

    private static boolean isNotFound(ApiException e) {
        return e.getMessage().contains(ErrorCode.CHANGEFEED_NOT_EXISTS.code());
    }

    private RuntimeException failed(CliSession session, RuntimeException e) {
        session.println("Changefeed remove failed.");
        session.println("ID: " + target.id);
        session.println("Error: " + e.getMessage());
        return e;
    }
}
