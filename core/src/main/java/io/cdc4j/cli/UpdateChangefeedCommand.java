package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.config.ReplicaConfigToml;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdc cli changefeed update}: reads the changefeed, lays the flags and the TOML file over its config, shows
 * the differences, asks (unless {@code --no-confirm}) and sends the whole config back. The server accepts it only
 * while the changefeed is stopped or failed.
 */
@Command(name = "update", description = "Update the config of a paused replication task (changefeed).")
final class UpdateChangefeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Mixin
    ChangefeedTarget target;

    @Option(names = "--sink-uri", paramLabel = "URI", description = "A new sink URI.")
    Optional<String> sinkUri = Optional.empty();

    @Option(names = "--target-ts", paramLabel = "TS", converter = TsConverter.class, description = "A new target ts.")
    Optional<Long> targetTs = Optional.empty();

    @Option(names = "--config", paramLabel = "FILE",
            description = "A TOML file whose settings are laid over the changefeed's current config.")
    Optional<Path> configFile = Optional.empty();

    @Option(names = "--no-confirm", description = "Do not ask for confirmation.")
    boolean noConfirm;

    @Override
    public Integer call() {
        CliSession session = changefeeds.cli.session(spec);
        JsonNode old = session.api().getChangefeed(target.namespace, target.id);
        ReplicaConfig oldConfig = ReplicaConfigJson.decodeOverDefaults(old.path("config").isObject()
                ? old.get("config") : JsonNodeFactory.instance.objectNode());
        ReplicaConfig newConfig = configFile.map(file -> ReplicaConfigToml.decodeOver(oldConfig, read(file)))
                .orElse(oldConfig);
        long newTargetTs = targetTs.orElse(old.path("target_ts").asLong(0));

        Optional<String> oldSink = sinkUri.map(given -> old.path("sink_uri").asText(""));
        List<String> changes = JsonChanges.between(view(old.path("target_ts").asLong(0), oldSink, oldConfig),
                view(newTargetTs, sinkUri, newConfig));
        if (changes.isEmpty()) {
            session.println("changefeed config is the same with the old one, do nothing");
            return 0;
        }
        session.println("Diff of changefeed config:");
        changes.forEach(session::println);
        if (!noConfirm && !session.confirmation().ask("Could you agree to apply changes above to changefeed [Y/N]")) {
            session.println("No update to changefeed.");
            throw Confirmation.aborted("update");
        }

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("target_ts", newTargetTs);
        body.put("sink_uri", sinkUri.orElse(""));
        body.set("replica_config", ReplicaConfigJson.toTree(newConfig));
        JsonNode info = session.api().updateChangefeed(target.namespace, target.id, body);
        session.println("Update changefeed config successfully!");
        session.println("ID: " + target.id);
        session.println("Info: " + GoJson.compact(info));
        return 0;
    }

    /** What the diff compares; the sink only when {@code --sink-uri} was given (the server's copy is masked). */
    private static ObjectNode view(long targetTs, Optional<String> sink, ReplicaConfig config) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("target_ts", targetTs);
        sink.ifPresent(uri -> view.put("sink_uri", uri));
        view.set("config", ReplicaConfigJson.toTree(config));
        return view;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CdcException(ErrorCode.INVALID_REPLICA_CONFIG, "cannot read config file " + file, e);
        }
    }
}
