package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Tells the binlog time of a place in the binlog: when a file was started (its FORMAT_DESCRIPTION event), or when
 * the binlog group beginning at a position committed (MariaDB: its GTID event's second; MySQL 8: the GTID event's
 * immediate commit timestamp in microseconds). Each answer is one short binlog connection under the config's
 * server id (the caller gives it an id no running reader uses).
 */
final class BinlogFileClock {
    private final UpstreamConfig config;

    BinlogFileClock(UpstreamConfig config) {
        this.config = config;
    }

    /** The unix time in ms at which {@code file} was started. */
    long startMillis(String file) {
        return firstTime(file, 4, event -> {
            EventHeaderV4 header = event.getHeader();
            return header.getEventType() == EventType.FORMAT_DESCRIPTION && header.getTimestamp() > 0
                    ? OptionalLong.of(header.getTimestamp()) : OptionalLong.empty();
        });
    }

    /** The binlog time in ms of the group that begins at {@code position} of {@code file}. */
    long groupMillis(String file, long position) {
        return firstTime(file, position, event -> switch (event.getHeader().getEventType()) {
            case MARIADB_GTID, ANONYMOUS_GTID -> OptionalLong.of(event.getHeader().getTimestamp());
            case GTID -> {
                long micros = ((GtidEventData) event.getData()).getImmediateCommitTimestamp();
                yield OptionalLong.of(micros > 0 ? micros / 1000 : event.getHeader().getTimestamp());
            }
            default -> OptionalLong.empty();
        });
    }

    private long firstTime(String file, long position, Function<Event, OptionalLong> time) {
        String where = file + ":" + position;
        BinaryLogClient client = BinlogClients.create(config, file, position, Duration.ofSeconds(30));
        CompletableFuture<Long> found = new CompletableFuture<>();
        client.registerEventListener(event -> time.apply(event).ifPresent(found::complete));
        try {
            client.connect(5000);
            return found.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "interrupted reading the binlog time at " + where, e);
        } catch (ExecutionException | TimeoutException | java.io.IOException e) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot read the binlog time at " + where, e);
        } finally {
            try {
                client.disconnect();
            } catch (java.io.IOException e) {
                found.completeExceptionally(e);
            }
        }
    }
}
