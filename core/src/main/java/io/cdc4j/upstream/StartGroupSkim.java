package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds where in one binlog file a past start ts falls before the reader connects: one binlog connection streams
 * the file from its start with only event headers and group starts decoded (row events arrive as bytes and are
 * dropped undecoded), and stops at the first group not certainly before the start, the group the reader's own skip
 * would stop at. The reader then connects there instead of decoding every row before it.
 *
 * <p>A group is certainly before the start when its time plus the time's resolution is at or before it: MariaDB's
 * (and MySQL's header) times have whole seconds, so the start's own second is kept; MySQL 8's GTID event carries
 * the commit time in microseconds, kept from the start's own millisecond.
 */
final class StartGroupSkim {
    private static final Duration SILENCE = Duration.ofSeconds(60);

    private final long startMillis;
    private final long endPosition;
    private long groupStart = -1;
    private long firstPrepared = -1;

    /**
     * @param startMillis the start ts's physical time
     * @param endPosition the file's size when the search began: the answer when no group of the file is kept
     */
    StartGroupSkim(long startMillis, long endPosition) {
        this.startMillis = startMillis;
        this.endPosition = endPosition;
    }

    /** Where the reader starts in {@code file}, read over a binlog connection of {@code config}. */
    static long find(UpstreamConfig config, String file, long startMillis, long endPosition) {
        StartGroupSkim skim = new StartGroupSkim(startMillis, endPosition);
        BinaryLogClient client = BinlogClients.create(config, file, 4, Duration.ofSeconds(10));
        client.setEventDeserializer(headersOnly());
        CompletableFuture<Long> found = new CompletableFuture<>();
        AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        client.registerEventListener(event -> {
            lastHeard.set(System.nanoTime());
            skim.accept(event).ifPresent(found::complete);
        });
        String where = "binlog " + file;
        try {
            client.connect(5000);
            while (true) {
                try {
                    return found.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!client.isConnected() || System.nanoTime() - lastHeard.get() > SILENCE.toNanos()) {
                        throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "the binlog connection searching "
                                + where + " for the start ts was lost or fell silent", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "interrupted searching " + where, e);
        } catch (ExecutionException | IOException | TimeoutException e) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot search " + where + " for the start ts", e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }
    }

    /**
     * The answer this event settles, if it does: a kept group's start, the file's ROTATE or STOP, or its end; but
     * never after the first XA transaction prepared in the file before it (its XA COMMIT may come after the start,
     * and the reader hands such a transaction on only if it read the prepare).
     */
    OptionalLong accept(Event event) {
        EventHeaderV4 header = event.getHeader();
        switch (header.getEventType()) {
            case MARIADB_GTID, ANONYMOUS_GTID -> {
                groupStart = header.getPosition();
                if (!GroupTime.ofHeader(header).certainlyBefore(startMillis)) {
                    return answer(groupStart);
                }
            }
            case GTID -> {
                groupStart = header.getPosition();
                if (!GroupTime.ofGtid(event.getData(), header).certainlyBefore(startMillis)) {
                    return answer(groupStart);
                }
            }
            case XA_PREPARE -> {
                if (firstPrepared < 0 && groupStart >= 0) {
                    firstPrepared = groupStart;
                }
            }
            case ROTATE, STOP -> {
                if (header.getNextPosition() > 0) {
                    return answer(header.getPosition());
                }
            }
            default -> {
                // neither a group start nor the file's end
            }
        }
        return header.getNextPosition() >= endPosition ? answer(endPosition) : OptionalLong.empty();
    }

    private OptionalLong answer(long position) {
        return OptionalLong.of(firstPrepared >= 0 ? Math.min(firstPrepared, position) : position);
    }

    /** A deserializer that decodes what the search needs (and the library needs to frame events) and no row. */
    private static EventDeserializer headersOnly() {
        Map<EventType, EventDataDeserializer> readers = new EnumMap<>(EventType.class);
        readers.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        readers.put(EventType.ROTATE, new RotateEventDataDeserializer());
        readers.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        readers.put(EventType.GTID, new GtidEventDataDeserializer());
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        return new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(), readers,
                tableMaps);
    }
}
