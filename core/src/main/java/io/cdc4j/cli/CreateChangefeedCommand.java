package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.config.ReplicaConfigToml;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdc cli changefeed create}: reads the TOML config over TiCDC's defaults, sends the v2 create request and
 * prints the created changefeed as TiCDC does.
 */
@Command(name = "create", description = "Create a new replication task (changefeed).")
final class CreateChangefeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Option(names = "--sink-uri", required = true, paramLabel = "URI", description = "Where the changefeed writes.")
    String sinkUri;

    @Option(names = {"-c", "--changefeed-id"}, paramLabel = "ID",
            description = "Replication task (changefeed) ID (default: a generated UUID).")
    Optional<String> id = Optional.empty();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Replication task (changefeed) namespace (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--start-ts", paramLabel = "TS", converter = TsConverter.class,
            description = "Start ts of the changefeed (default: now).")
    long startTs;

    @Option(names = "--target-ts", paramLabel = "TS", converter = TsConverter.class,
            description = "Target ts: the changefeed finishes there (default: never).")
    long targetTs;

    @Option(names = "--config", paramLabel = "FILE", description = "The changefeed's TOML configuration file.")
    Optional<Path> configFile = Optional.empty();

    @Option(names = "--no-confirm", description = "Do not ask; also skip ineligible tables (no primary or unique key).")
    boolean noConfirm;

    @Option(names = "--disable-gc-check", description = "Set check-gc-safe-point = false.")
    boolean disableGcCheck;

    @Override
    public Integer call() {
        ObjectNode body = body();
        CliSession session = changefeeds.cli.session(spec);
        if (startTs != 0 && !noConfirm) {
            session.confirmation().requireLagAccepted(startTs, "create");
        }
        JsonNode info = session.api().createChangefeed(body);
        session.println("Create changefeed successfully!");
        session.println("ID: " + info.path("id").asText());
        session.println("Info: " + GoJson.compact(info));
        return 0;
    }

    /** The v2 create request: the flags, and the config file decoded over the defaults as v2 JSON. */
    ObjectNode body() {
        ReplicaConfig config = configFile.map(ReplicaConfigToml::read).orElseGet(ReplicaConfig::defaults);
        ObjectNode replicaConfig = (ObjectNode) ReplicaConfigJson.toTree(config);
        if (disableGcCheck) {
            replicaConfig.put("check_gc_safe_point", false);
        }
        if (noConfirm) {
            replicaConfig.put("ignore_ineligible_table", true);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("namespace", namespace);
        id.ifPresent(value -> body.put("changefeed_id", value));
        body.put("start_ts", startTs);
        body.put("target_ts", targetTs);
        body.put("sink_uri", sinkUri);
        body.set("replica_config", replicaConfig);
        return body;
    }
}
