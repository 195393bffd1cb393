package io.cdc4j.cli;

import ch.qos.logback.classic.Level;
import io.cdc4j.consumer.KafkaConsumerOptions;
import io.cdc4j.consumer.KafkaToMySql;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.logging.LogLevels;
import io.cdc4j.logging.LoggingSetup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cdc kafka-consumer}: as TiCDC ships it, reads a topic a changefeed writes and applies its changes, in commit
 * order, to a MySQL-compatible downstream, until stopped (SIGTERM or SIGINT stop it gracefully).
 */
@Command(name = "kafka-consumer", mixinStandardHelpOptions = true,
        description = "Read a changefeed's Kafka topic and apply its changes to a MySQL-compatible downstream.")
public final class KafkaConsumerCommand implements Callable<Integer> {
    @Option(names = "--upstream-uri", required = true,
            paramLabel = "kafka://HOST:PORT/TOPIC?protocol=canal-json&enable-tidb-extension=true",
            description = "The topic to read, with its protocol; consumer-group-id, partition-num and"
                    + " max-message-bytes as in TiCDC.")
    String upstreamUri;

    @Option(names = "--downstream-uri", required = true, paramLabel = "mysql://USER:PASS@HOST:PORT/",
            description = "Where the changes are written (a MySQL sink URI, with its time-zone parameter).")
    String downstreamUri;

    @Option(names = "--log-level", description = "debug, info, warn, error (default info).")
    String logLevel = "info";

    @Option(names = "--log-file", paramLabel = "FILE", description = "Write the log here instead of stderr.")
    Path logFile;

    @Override
    public Integer call() {
        Level level = LogLevels.parse(logLevel).orElseThrow(() -> new CdcException(ErrorCode.API_INVALID_PARAM,
                "unknown --log-level '" + logLevel + "'"));
        LoggingSetup.configure(level, logFile);
        KafkaToMySql consumer = KafkaToMySql.open(KafkaConsumerOptions.of(upstreamUri, downstreamUri));
        GracefulSignals.onTerminate(consumer::close);
        consumer.run();
        return 0;
    }
}
