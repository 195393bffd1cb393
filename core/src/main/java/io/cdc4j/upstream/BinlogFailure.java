package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.network.ServerException;
import java.util.Locale;
import java.util.Set;

/**
 * What a failure of the binlog connection means for the reader: which ones a reconnect may cure and which ones
 * will come back on every attempt. TiCDC retries connection errors, so only errors the server gives for a
 * request it can never serve end the changefeed; credentials and grants can be fixed by an administrator
 * while the changefeed waits, so those are handed to the owner's backoff instead of an endless quick loop.
 */
enum BinlogFailure {
    /** Network trouble, a server restart, a killed connection: reconnect from the last boundary. */
    TRANSIENT,
    /** The resume position is no longer in the server's binlog (purged, or a GTID the server never had). */
    BINLOG_GONE,
    /** Another replica registered with the reader's server id and the server dropped this one. */
    SERVER_ID_CLASH,
    /** The server refuses to send a binlog event (too large for max_allowed_packet, or a corrupt binlog). */
    BINLOG_UNREADABLE,
    /** Credentials or grants are refused: fail the reader so the owner retries with backoff and shows it. */
    ACCESS_DENIED;

    /** ER_MASTER_FATAL_ERROR_READING_BINLOG: the server ends the dump and would end every retry the same way. */
    static final int FATAL_READING_BINLOG = 1236;

    /**
     * ER_ACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR, ER_SPECIFIC_ACCESS_DENIED_ERROR (no REPLICATION SLAVE),
     * ER_HOST_NOT_PRIVILEGED, ER_HOST_IS_BLOCKED, ER_NOT_SUPPORTED_AUTH_MODE, ER_MUST_CHANGE_PASSWORD_LOGIN,
     * ER_ACCOUNT_HAS_BEEN_LOCKED (MySQL 3118, MariaDB 4151).
     */
    private static final Set<Integer> ACCESS_CODES = Set.of(1045, 1044, 1227, 1130, 1129, 1251, 1862, 3118, 4151);

    /** How to treat {@code failure}, as seen by the binlog client (its own exceptions, or the server's error). */
    static BinlogFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerException server) {
                return of(server.getErrorCode(), String.valueOf(server.getMessage()));
            }
        }
        return TRANSIENT;
    }

    /** How to treat the server's error {@code code} with text {@code message}. */
    static BinlogFailure of(int code, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("same server_uuid/server_id") || text.contains("same server_id")) {
            return SERVER_ID_CLASH;
        }
        if (ACCESS_CODES.contains(code)) {
            return ACCESS_DENIED;
        }
        if (code != FATAL_READING_BINLOG) {
            return TRANSIENT;
        }
        if (text.contains("max_allowed_packet") || text.contains("corrupt") || text.contains("truncated")
                || text.contains("checksum")) {
            return BINLOG_UNREADABLE;
        }
        return BINLOG_GONE;
    }
}
