package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.mounter.Mounter;
import io.cdc4j.upstream.decode.CollationCharsets;
import io.cdc4j.upstream.decode.ColumnHints;
import io.cdc4j.upstream.decode.EventDeserializers;
import io.cdc4j.upstream.decode.TableMapInterpreter;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A by-hand measurement, not a test: a binlog file (e.g. the one {@code bench/run} leaves in
 * {@code bench/target/work/mariadb-data}) read from disk by the bare binlog library (every row deserialized, one
 * thread) and by cdc4j's reader path (framing and assembly on one thread, a {@link Mounter}, a dispatch thread
 * delivering decoded rows in order), with no network in between. Arguments: the file, rounds, mounter workers,
 * passes over the file per round. Run it with the test classpath, e.g. from an IDE.
 */
public final class FileReplayBench {
    private FileReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        int passes = Integer.parseInt(args[3]);
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long raw = 0;
            for (int pass = 0; pass < passes; pass++) {
                raw += raw(file);
            }
            long t1 = System.nanoTime();
            long ours = 0;
            for (int pass = 0; pass < passes; pass++) {
                ours += cdc4j(file, workers);
            }
            long t2 = System.nanoTime();
            double rawRate = raw / ((t1 - t0) / 1e9);
            double ourRate = ours / ((t2 - t1) / 1e9);
            System.out.printf("raw %,.0f rows/s, cdc4j with %d workers %,.0f rows/s (%d rows): %.2f x%n", rawRate,
                    workers, ourRate, ours, ourRate / rawRate);
        }
    }

    private static long raw(File file) throws IOException {
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        long rows = 0;
        try (BinaryLogFileReader reader = new BinaryLogFileReader(
                new BufferedInputStream(new FileInputStream(file), 1 << 16), deserializer)) {
            for (Event event = reader.readEvent(); event != null; event = reader.readEvent()) {
                EventData data = event.getData();
                rows += switch (data) {
                    case WriteRowsEventData write -> write.getRows().size();
                    case UpdateRowsEventData update -> update.getRows().size();
                    case DeleteRowsEventData delete -> delete.getRows().size();
                    case null, default -> 0;
                };
            }
        }
        return rows;
    }

    private static long cdc4j(File file, int workers) throws Exception {
        Mounter mounter = workers == 0 ? null : new Mounter("replay", workers);
        PartPrefetcher prefetcher = mounter == null ? PartPrefetcher.NONE : mounter;
        ByteBoundedBuffer<Object> buffer = new ByteBoundedBuffer<>(64L << 20);
        Map<Integer, String> charsets = new HashMap<>();
        for (int id : new int[] {45, 46, 224, 255}) {
            charsets.put(id, "utf8mb4");
        }
        charsets.put(8, "latin1");
        TransactionAssembler assembler = new TransactionAssembler(
                new ResumePoint(new ReaderPosition("binlog.000001", 4, "", 0, 0), -1), (event, bytes) -> {
                    buffer.put(event, bytes);
                    if (event instanceof FramedRows part) {
                        prefetcher.offer(part);
                    }
                }, new TableMapInterpreter(new CollationCharsets(charsets)), new InMemoryTableIdAllocator(1),
                (table, at) -> ColumnHints.NONE, System::currentTimeMillis, 1024, 1L << 30);
        long[] rows = {0};
        AtomicBoolean read = new AtomicBoolean();
        Thread dispatch = Thread.ofPlatform().start(() -> {
            List<Object> taken = new ArrayList<>();
            try {
                while (true) {
                    long bytes = buffer.drainTo(taken, 64, 100, TimeUnit.MILLISECONDS);
                    if (taken.isEmpty() && read.get() && buffer.usedBytes() == 0) {
                        return;
                    }
                    for (Object item : taken) {
                        if (item instanceof FramedRows part) {
                            rows[0] += part.rows().rows().size();
                        }
                    }
                    taken.clear();
                    buffer.release(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (BinaryLogFileReader reader = new BinaryLogFileReader(
                new BufferedInputStream(new FileInputStream(file), 1 << 16), EventDeserializers.create())) {
            for (Event event = reader.readEvent(); event != null; event = reader.readEvent()) {
                assembler.accept(event);
            }
        }
        read.set(true);
        dispatch.join();
        if (mounter != null) {
            mounter.close();
        }
        return rows[0];
    }
}
