package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.workload.BenchSchema;
import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The peer: Debezium's embedded engine with its MariaDB connector over the same binlog, from its beginning (no
 * snapshot; the schema is learnt from the binlog's DDL), offsets and schema history in files. Hands each change
 * event either as Kafka Connect records to a handler that only counts them, or through its JSON converter.
 */
public final class DebeziumTarget implements BenchTarget {
    private static final String TOPIC_PREFIX = "benchdbz";
    private static final String DATA_TOPICS = TOPIC_PREFIX + "." + BenchSchema.DATABASE + ".";

    private final boolean json;

    private DebeziumTarget(boolean json) {
        this.json = json;
    }

    /** Change events as Connect records to a counting handler. */
    public static DebeziumTarget counting() {
        return new DebeziumTarget(false);
    }

    /** Change events through the JSON converter (no schemas), the strings counted. */
    public static DebeziumTarget json() {
        return new DebeziumTarget(true);
    }

    @Override
    public String name() {
        return json ? "debezium-json" : "debezium";
    }

    @Override
    public String description() {
        return json ? "Debezium 3.5 embedded, MariaDB connector, JSON converter"
                : "Debezium 3.5 embedded, MariaDB connector, counting handler";
    }

    @Override
    public boolean measuresLag() {
        return false;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        Files.createDirectories(setup.workDir());
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        DebeziumEngine.ConnectorCallback onStart = new DebeziumEngine.ConnectorCallback() {
            @Override
            public void taskStarted() {
                started.countDown();
            }
        };
        DebeziumEngine.CompletionCallback onEnd = (success, message, error) -> {
            if (!success) {
                failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
            }
            started.countDown();
        };
        DebeziumEngine<?> engine = json
                ? DebeziumEngine.create(Json.class).using(properties(setup)).using(onStart).using(onEnd)
                        .notifying(countJson(arrivals)).build()
                : DebeziumEngine.create(Connect.class).using(properties(setup)).using(onStart).using(onEnd)
                        .notifying(countRecords(arrivals)).build();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "debezium-engine"));
        executor.execute(engine);
        if (!started.await(60, TimeUnit.SECONDS) || failure.get() != null) {
            close(engine, executor);
            throw new IllegalStateException("Debezium did not start", failure.get());
        }
        return new Session() {
            @Override
            public Throwable failure() {
                return failure.get();
            }

            @Override
            public void close() throws IOException {
                DebeziumTarget.close(engine, executor);
            }
        };
    }

    private static Consumer<ChangeEvent<SourceRecord, SourceRecord>> countRecords(Arrivals arrivals) {
        return event -> {
            if (event.value() != null && event.value().topic().startsWith(DATA_TOPICS)) {
                arrivals.rows(1);
            }
        };
    }

    private static Consumer<ChangeEvent<String, String>> countJson(Arrivals arrivals) {
        return event -> {
            if (event.value() != null && event.destination().startsWith(DATA_TOPICS)) {
                arrivals.rows(1);
            }
        };
    }

    private static void close(DebeziumEngine<?> engine, ExecutorService executor) throws IOException {
        engine.close();
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties properties(TargetSetup setup) {
        Properties props = new Properties();
        props.setProperty("name", "cdc4j-bench");
        props.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        props.setProperty("offset.storage.file.filename", setup.workDir().resolve("offsets.dat").toString());
        props.setProperty("offset.flush.interval.ms", "10000");
        props.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        props.setProperty("schema.history.internal.file.filename",
                setup.workDir().resolve("schema-history.dat").toString());
        props.setProperty("database.hostname", "127.0.0.1");
        props.setProperty("database.port", Integer.toString(setup.port()));
        props.setProperty("database.user", "root");
        props.setProperty("database.password", "");
        props.setProperty("database.server.id", Long.toString(setup.serverId()));
        props.setProperty("database.ssl.mode", "disable");
        props.setProperty("database.include.list", BenchSchema.DATABASE);
        props.setProperty("topic.prefix", TOPIC_PREFIX);
        props.setProperty("snapshot.mode", "never");
        props.setProperty("include.schema.changes", "false");
        props.setProperty("tombstones.on.delete", "false");
        props.setProperty("converter.schemas.enable", "false");
        return props;
    }
}
