package io.cdc4j.cli;

import ch.qos.logback.classic.Level;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.logging.LogLevels;
import io.cdc4j.logging.LoggingSetup;
import io.cdc4j.playground.DemoWorkload;
import io.cdc4j.playground.Playground;
import io.cdc4j.playground.PlaygroundConfig;
import io.cdc4j.playground.PlaygroundEndpoints;
import io.cdc4j.playground.ReadyFile;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cdc playground}: an upstream and a downstream MariaDB and a cluster of captures on this machine, with
 * every endpoint printed and ready-to-paste examples, until Ctrl-C or SIGTERM stops it all.
 */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = "Start an upstream MariaDB (binlog on), a downstream MariaDB and captures on this machine,"
                + " and keep them running until Ctrl-C.")
public final class PlaygroundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The address every part listens on (default ${DEFAULT-VALUE}).")
    String host = PlaygroundConfig.DEFAULT_HOST;

    @Option(names = "--upstream-port", paramLabel = "PORT",
            description = "The upstream MariaDB's port (default ${DEFAULT-VALUE}).")
    int upstreamPort = PlaygroundConfig.DEFAULT_UPSTREAM_PORT;

    @Option(names = "--downstream-port", paramLabel = "PORT",
            description = "The downstream MariaDB's port (default ${DEFAULT-VALUE}).")
    int downstreamPort = PlaygroundConfig.DEFAULT_DOWNSTREAM_PORT;

    @Option(names = "--meta-port", paramLabel = "PORT",
            description = "The embedded ZooKeeper's port (default ${DEFAULT-VALUE}).")
    int metaPort = PlaygroundConfig.DEFAULT_META_PORT;

    @Option(names = "--api-port", paramLabel = "PORT",
            description = "The first capture's API port; the others count up from it (default ${DEFAULT-VALUE}).")
    int apiPort = PlaygroundConfig.DEFAULT_API_PORT;

    @Option(names = "--captures", paramLabel = "N",
            description = "How many captures to start (default ${DEFAULT-VALUE}).")
    int captures = 1;

    @Option(names = "--kafka", description = "Also start a single-node Kafka broker (KRaft, in this process) for"
            + " Kafka changefeeds.")
    boolean kafka;

    @Option(names = "--kafka-port", paramLabel = "PORT",
            description = "The Kafka broker's port with --kafka; its controller takes the next one"
                    + " (default ${DEFAULT-VALUE}).")
    int kafkaPort = PlaygroundConfig.DEFAULT_KAFKA_PORT;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the data here and reuse it next time (default: a temporary dir removed at exit).")
    Path dataDir;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Write the endpoints here as JSON once everything accepts connections.")
    Path readyFile;

    @Option(names = "--demo", description = "Create a demo table and a changefeed (and, with --kafka, one to the"
            + " topic demo), and write to the table once a second, printing the row counts upstream and downstream.")
    boolean demo;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "debug, info, warn, error (default ${DEFAULT-VALUE}).")
    String logLevel = "info";

    @Override
    public Integer call() throws InterruptedException {
        Level level = LogLevels.parse(logLevel).orElseThrow(() -> new CdcException(
                ErrorCode.API_INVALID_PARAM, "unknown --log-level '" + logLevel + "'"));
        PrintWriter out = spec.commandLine().getOut();
        Optional<ReadyFile> ready = Optional.ofNullable(readyFile).map(ReadyFile::new);
        ready.ifPresent(ReadyFile::clear);

        PlaygroundConfig config = new PlaygroundConfig(host, upstreamPort, downstreamPort, metaPort, apiPort,
                captures, Optional.ofNullable(dataDir), kafka ? Optional.of(kafkaPort) : Optional.empty());
        Playground playground = Playground.prepare(config, line -> print(out, line));
        Path logFile = playground.directory().path().resolve("playground.log");
        LoggingSetup.configure(level, logFile);
        print(out, playground.directory().describe());
        print(out, "logs: " + logFile);

        AtomicReference<Optional<DemoWorkload>> workload = new AtomicReference<>(Optional.empty());
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            workload.get().ifPresent(DemoWorkload::close);
            playground.close();
            ready.ifPresent(ReadyFile::clear);
            stopped.countDown();
        };
        GracefulSignals.onTerminate(stop);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stop));

        PlaygroundEndpoints endpoints = playground.start();
        ready.ifPresent(file -> file.write(endpoints));
        printEndpoints(out, endpoints);
        if (demo) {
            try {
                workload.set(Optional.of(DemoWorkload.start(endpoints, line -> print(out, line))));
            } catch (SQLException e) {
                print(out, "demo: could not set up the demo table: " + e.getMessage());
            }
        }
        stopped.await();
        return 0;
    }

    private static void printEndpoints(PrintWriter out, PlaygroundEndpoints endpoints) {
        String first = endpoints.firstCapture();
        StringBuilder text = new StringBuilder();
        text.append("\ncdc4j playground is ready\n\n");
        text.append(database("upstream  ", endpoints.upstream(), " (binlog: ROW, full row image and metadata)"));
        text.append(database("downstream", endpoints.downstream(), ""));
        text.append("zookeeper:  ").append(endpoints.zookeeper()).append('\n');
        endpoints.kafka().ifPresent(kafka -> text.append("kafka:      ").append(kafka).append('\n'));
        for (int i = 0; i < endpoints.captures().size(); i++) {
            text.append("capture ").append(i + 1).append(":  ").append(endpoints.captures().get(i)).append('\n');
        }
        text.append("\ntry:\n");
        text.append("  curl ").append(first).append("/api/v2/captures\n");
        text.append("  curl -X POST -H 'Content-Type: application/json' ").append(first)
                .append("/api/v2/changefeeds -d '{\"changefeed_id\":\"playground\",\"sink_uri\":\"")
                .append(endpoints.downstream()).append("\"}'\n");
        endpoints.kafka().ifPresent(kafka -> {
            String sinkUri = "kafka://" + kafka + "/playground?protocol=canal-json&enable-tidb-extension=true";
            text.append("  curl -X POST -H 'Content-Type: application/json' ").append(first)
                    .append("/api/v2/changefeeds -d '{\"changefeed_id\":\"playground-kafka\",\"sink_uri\":\"")
                    .append(sinkUri).append("\"}'\n");
            text.append("  bin/cdc kafka-consumer --upstream-uri '").append(sinkUri).append("' --downstream-uri ")
                    .append(endpoints.downstream()).append('\n');
        });
        text.append("\nPress Ctrl-C to stop everything.");
        print(out, text.toString());
    }

    private static String database(String role, String mysqlUri, String note) {
        URI uri = URI.create(mysqlUri);
        return role + ": " + mysqlUri + note + "\n"
                + "    jdbc:   " + PlaygroundEndpoints.jdbcUrl(mysqlUri) + "\n"
                + "    client: mysql --host " + uri.getHost() + " --port " + uri.getPort() + " -u root\n";
    }

    private static void print(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
