package io.cdc4j.api;

import io.cdc4j.error.ErrorCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which HTTP status an error code earns: TiCDC's 400 list, our 404 for unknown routes, 503 while not
 * ready, and 500 otherwise. Where TiCDC answers a client's own mistake with a 500 we answer 400 (those
 * codes are listed in docs/api.md).
 */
public final class ErrorStatus {
    private static final Set<ErrorCode> BAD_REQUEST = EnumSet.of(
            // TiCDC's own 400 list
            ErrorCode.API_INVALID_PARAM, ErrorCode.SINK_URI_INVALID, ErrorCode.START_TS_BEFORE_GC,
            ErrorCode.CHANGEFEED_NOT_EXISTS, ErrorCode.TARGET_TS_BEFORE_START_TS, ErrorCode.TABLE_INELIGIBLE,
            ErrorCode.FILTER_RULE_INVALID, ErrorCode.CHANGEFEED_UPDATE_REFUSED, ErrorCode.MYSQL_CONNECTION_ERROR,
            ErrorCode.MYSQL_INVALID_CONFIG, ErrorCode.CAPTURE_NOT_EXIST, ErrorCode.SCHEDULER_REQUEST_FAILED,
            // client mistakes TiCDC answers with a 500
            ErrorCode.CHANGEFEED_ALREADY_EXISTS, ErrorCode.INVALID_REPLICA_CONFIG, ErrorCode.SINK_INVALID_CONFIG,
            ErrorCode.SINK_UNKNOWN_PROTOCOL, ErrorCode.INVALID_IGNORE_EVENT_TYPE,
            ErrorCode.INVALID_FILTER_EXPRESSION, ErrorCode.EXPRESSION_COLUMN_NOT_FOUND, ErrorCode.KAFKA_INVALID_CONFIG,
            ErrorCode.KAFKA_NEW_PRODUCER, ErrorCode.KAFKA_INVALID_PARTITION_NUM, ErrorCode.KAFKA_CREATE_TOPIC,
            ErrorCode.COLUMN_SELECTOR_FAILED,
            // ours, no TiCDC code: the upstream is misconfigured for CDC, which the caller must fix there
            ErrorCode.UPSTREAM_PREREQUISITE);

    private ErrorStatus() {
    }

    /** The HTTP status for an error with this code. */
    public static int of(ErrorCode code) {
        if (BAD_REQUEST.contains(code)) {
            return 400;
        }
        return switch (code) {
            case API_NOT_FOUND -> 404;
            case SERVER_NOT_READY -> 503;
            default -> 500;
        };
    }
}
