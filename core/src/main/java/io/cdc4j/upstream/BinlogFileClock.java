package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells when a binlog file was started: the time of its FORMAT_DESCRIPTION event, read over the binlog protocol
 * under the config's server id (the caller gives it an id no running reader uses).
 */
final class BinlogFileClock {
    private final UpstreamConfig config;

    BinlogFileClock(UpstreamConfig config) {
        this.config = config;
    }

    /** The upstream, with the server id these short connections present. */
    UpstreamConfig config() {
        return config;
    }

    /** The unix time in ms at which {@code file} was started. */
    long startMillis(String file) {
        BinaryLogClient client = BinlogClients.create(config, file, 4, Duration.ofSeconds(30));
        CompletableFuture<Long> started = new CompletableFuture<>();
        client.registerEventListener(event -> {
            EventHeaderV4 header = event.getHeader();
            if (header.getEventType() == EventType.FORMAT_DESCRIPTION && header.getTimestamp() > 0) {
                started.complete(header.getTimestamp());
            }
        });
        try {
            client.connect(5000);
            return started.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "interrupted reading the start of " + file, e);
        } catch (ExecutionException | TimeoutException | java.io.IOException e) {
            throw new CdcException(ErrorCode.UPSTREAM_BINLOG_READ, "cannot read the start time of binlog " + file, e);
        } finally {
            try {
                client.disconnect();
            } catch (java.io.IOException e) {
                started.completeExceptionally(e);
            }
        }
    }
}
