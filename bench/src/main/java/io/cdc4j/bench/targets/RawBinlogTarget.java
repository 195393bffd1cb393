package io.cdc4j.bench.targets;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.workload.BenchSchema;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The ceiling: a bare binlog client deserializing every event with the modes cdc4j uses and counting rows,
 * with no transaction assembly, typing or hand-over between threads; optionally doing more with each row on the
 * client's thread (a {@link RowHook}) before counting it, the ceiling of a sink that does that work.
 */
public final class RawBinlogTarget implements BenchTarget {
    private final String name;
    private final String description;
    private final boolean measuresLag;
    private final Supplier<RowHook> hooks;

    private RawBinlogTarget(String name, String description, boolean measuresLag, Supplier<RowHook> hooks) {
        this.name = name;
        this.description = description;
        this.measuresLag = measuresLag;
        this.hooks = hooks;
    }

    /** {@code raw}: deserialize and count, the ceiling of the reader; it measures lag too. */
    public static RawBinlogTarget counting() {
        return new RawBinlogTarget("raw", "bare BinaryLogClient, deserialize and count", true, () -> RowHook.NONE);
    }

    /** {@code raw-json}: deserialize, JSON-encode each row ({@link JsonRows}) and count: the Kafka sink's ceiling. */
    public static RawBinlogTarget json() {
        return new RawBinlogTarget("raw-json", "bare BinaryLogClient, deserialize, JSON-encode each row and count",
                false, JsonRows::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean measuresLag() {
        return measuresLag;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        BinaryLogClient client = new BinaryLogClient("127.0.0.1", setup.port(), "root", "");
        client.setServerId(setup.serverId());
        client.setBinlogFilename(setup.from().file());
        client.setBinlogPosition(setup.from().position());
        client.setUseSendAnnotateRowsEvent(true);
        client.setKeepAlive(false);
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        client.setEventDeserializer(deserializer);
        RowHook hook = hooks.get();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        client.registerEventListener(event -> {
            try {
                onEvent(event, arrivals, hook);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        CountDownLatch connected = new CountDownLatch(1);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient c) {
                connected.countDown();
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                failure.compareAndSet(null, ex);
            }
        });
        Thread reader = Thread.ofPlatform().name("raw-binlog-client").start(() -> {
            try {
                client.connect();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS) || failure.get() != null) {
            client.disconnect();
            throw new IllegalStateException("the raw binlog client did not connect", failure.get());
        }
        return new Session() {
            @Override
            public Throwable failure() {
                return failure.get();
            }

            @Override
            public void close() throws IOException {
                client.disconnect();
                try {
                    reader.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hook.close();
            }
        };
    }

    private static void onEvent(Event event, Arrivals arrivals, RowHook hook) {
        EventData data = event.getData();
        long es = event.getHeader().getTimestamp();
        switch (data) {
            case TableMapEventData table -> hook.table(table);
            case WriteRowsEventData write -> {
                for (Serializable[] row : write.getRows()) {
                    hook.row(write.getTableId(), "INSERT", es, row);
                }
                arrivals.rows(write.getRows().size());
                if (arrivals.measuresLag()) {
                    long now = Arrivals.nowMicros();
                    write.getRows().forEach(row -> lag(row, now, arrivals));
                }
            }
            case UpdateRowsEventData update -> {
                for (Map.Entry<Serializable[], Serializable[]> row : update.getRows()) {
                    hook.row(update.getTableId(), "UPDATE", es, row.getValue());
                }
                arrivals.rows(update.getRows().size());
                if (arrivals.measuresLag()) {
                    long now = Arrivals.nowMicros();
                    for (Map.Entry<Serializable[], Serializable[]> row : update.getRows()) {
                        lag(row.getValue(), now, arrivals);
                    }
                }
            }
            case DeleteRowsEventData delete -> {
                for (Serializable[] row : delete.getRows()) {
                    hook.row(delete.getTableId(), "DELETE", es, row);
                }
                arrivals.rows(delete.getRows().size());
            }
            case null, default -> {
            }
        }
    }

    private static void lag(Serializable[] row, long now, Arrivals arrivals) {
        arrivals.lag(RowTimes.micros(row[BenchSchema.WRITTEN_COLUMN]), now);
    }

    /** What the raw client does with each row beyond counting it, on the client's thread. */
    interface RowHook {
        /** Does nothing: the plain {@code raw} client. */
        RowHook NONE = new RowHook() {
            @Override
            public void table(TableMapEventData table) {
            }

            @Override
            public void row(long tableId, String type, long esMillis, Serializable[] row) {
            }
        };

        /** A table map: the table (and its columns' names) that the rows after it name by {@code tableId}. */
        void table(TableMapEventData table);

        /**
         * A row of the table {@code tableId} mapped last: {@code type} INSERT, UPDATE (its after image) or DELETE (its
         * before image), in an event written at {@code esMillis}.
         */
        void row(long tableId, String type, long esMillis, Serializable[] row);

        /** The client has stopped: reports what was done, which also keeps the JIT from leaving the work out. */
        default void close() {
        }
    }
}
