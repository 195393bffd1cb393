package io.cdc4j.bench.targets;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
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

/**
 * The ceiling: a bare binlog client deserializing every event with the modes cdc4j uses and counting rows,
 * with no transaction assembly, typing or hand-over between threads.
 */
public final class RawBinlogTarget implements BenchTarget {
    @Override
    public String name() {
        return "raw";
    }

    @Override
    public String description() {
        return "bare BinaryLogClient, deserialize and count";
    }

    @Override
    public boolean measuresLag() {
        return true;
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
        client.registerEventListener(event -> onEvent(event, arrivals));
        CountDownLatch connected = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
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
            }
        };
    }

    private static void onEvent(Event event, Arrivals arrivals) {
        EventData data = event.getData();
        switch (data) {
            case WriteRowsEventData write -> {
                arrivals.rows(write.getRows().size());
                if (arrivals.measuresLag()) {
                    long now = Arrivals.nowMicros();
                    write.getRows().forEach(row -> lag(row, now, arrivals));
                }
            }
            case UpdateRowsEventData update -> {
                arrivals.rows(update.getRows().size());
                if (arrivals.measuresLag()) {
                    long now = Arrivals.nowMicros();
                    for (Map.Entry<Serializable[], Serializable[]> row : update.getRows()) {
                        lag(row.getValue(), now, arrivals);
                    }
                }
            }
            case DeleteRowsEventData delete -> arrivals.rows(delete.getRows().size());
            case null, default -> {
            }
        }
    }

    private static void lag(Serializable[] row, long now, Arrivals arrivals) {
        arrivals.lag(RowTimes.micros(row[BenchSchema.WRITTEN_COLUMN]), now);
    }
}
