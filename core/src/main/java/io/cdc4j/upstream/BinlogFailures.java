package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.network.ServerException;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.Tso;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns a binlog failure that a reconnect cannot cure into the error that names its cause and its fix. */
final class BinlogFailures {
    private final UpstreamConfig config;
    private final Supplier<List<String>> binaryLogs;
    private final Function<String, Long> fileStartMillis;

    /**
     * @param binaryLogs the files the server keeps, oldest first (SHOW BINARY LOGS)
     * @param fileStartMillis when a binlog file was started, in ms since the epoch
     */
    BinlogFailures(UpstreamConfig config, Supplier<List<String>> binaryLogs, Function<String, Long> fileStartMillis) {
        this.config = config;
        this.binaryLogs = binaryLogs;
        this.fileStartMillis = fileStartMillis;
    }

    /** The error that ends the reader for {@code failure} met reading from {@code asked}; empty when it may retry. */
    Optional<CdcException> permanent(Throwable failure, ReaderPosition asked) {
        String server = serverText(failure);
        String at = "binlog " + asked.binlogFile() + " at position " + asked.binlogPosition()
                + (asked.gtidSet().isEmpty() ? "" : " (GTID set " + asked.gtidSet() + ")");
        return switch (BinlogFailure.of(failure)) {
            case TRANSIENT -> Optional.empty();
            case BINLOG_GONE -> Optional.of(new CdcException(ErrorCode.SNAPSHOT_LOST_BY_GC,
                    ErrorCode.SNAPSHOT_LOST_BY_GC.defaultMessage() + ": the reader asked the upstream "
                            + config.address() + " for " + at + " and the server answered "
                            + server + "; " + oldest() + ". Create a new changefeed with a start-ts after the start"
                            + " of the oldest binlog, and keep binlogs longer on the upstream"
                            + " (binlog_expire_logs_seconds, or expire_logs_days) than a changefeed may lag",
                    failure));
            case SERVER_ID_CLASH -> Optional.of(new CdcException(ErrorCode.CHANGEFEED_UNRETRYABLE,
                    "the upstream " + config.address() + " dropped the binlog connection of"
                            + " server id " + config.serverId() + " because another replica connected with the same"
                            + " server id (the server answered " + server + "). A replica or another cdc4j"
                            + " cluster outside this one uses that id: set ?server-id= in the upstream URI of every"
                            + " capture to the start of a range of ids no other replica uses (cdc4j gives each"
                            + " changefeed ids counted up from it), restart the captures and resume the changefeed",
                    failure));
            case BINLOG_UNREADABLE -> Optional.of(new CdcException(ErrorCode.CHANGEFEED_UNRETRYABLE,
                    "the upstream " + config.address() + " cannot send " + at
                            + ": the server answered " + server + ". When it names max_allowed_packet, raise"
                            + " max_allowed_packet (and slave_max_allowed_packet) on the upstream; otherwise check"
                            + " the binlog file for damage (mysqlbinlog); then resume the changefeed", failure));
            case ACCESS_DENIED -> Optional.of(new CdcException(ErrorCode.UPSTREAM_CONNECTION,
                    "the upstream " + config.address() + " refused the binlog connection of"
                            + " user " + config.user() + ": the server answered " + server + ". Check the password"
                            + " in the upstream URI and grant REPLICATION SLAVE, REPLICATION CLIENT; the changefeed"
                            + " is retried", failure));
        };
    }

    private String oldest() {
        try {
            List<String> files = binaryLogs.get();
            if (files.isEmpty()) {
                return "the server lists no binary logs (SHOW BINARY LOGS)";
            }
            String file = files.getFirst();
            String started;
            try {
                long millis = fileStartMillis.apply(file);
                started = " (started at " + Instant.ofEpochMilli(millis) + ", ts " + Tso.compose(millis, 0) + ")";
            } catch (CdcException e) {
                started = "";
            }
            return "the oldest binlog the server still has is " + file + started + " (SHOW BINARY LOGS)";
        } catch (CdcException e) {
            return "the oldest binlog the server still has could not be listed (" + e.getMessage() + ")";
        }
    }

    private static String serverText(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerException server) {
                return "error " + server.getErrorCode() + " (" + server.getSqlState() + "): " + server.getMessage();
            }
        }
        return failure.toString();
    }
}
