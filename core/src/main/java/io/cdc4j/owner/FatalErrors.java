package io.cdc4j.owner;

import io.cdc4j.meta.RunningError;
import java.util.Set;

/** The error codes that fail a changefeed at once instead of retrying it (changefeed-model.md section 2). */
final class FatalErrors {
    private static final Set<String> CODES = Set.of(
            "CDC:ErrGCTTLExceeded", "CDC:ErrSnapshotLostByGC", "CDC:ErrStartTsBeforeGC",
            "CDC:ErrExpressionColumnNotFound", "CDC:ErrInvalidFilterExpression", "CDC:ErrSchemaSnapshotNotFound",
            "CDC:ErrSchemaStorageMismatch",
            "CDC:ErrSyncRenameTableFailed", "CDC:ErrChangefeedUnretryable", "CDC:ErrCorruptedDataMutation",
            "CDC:ErrDispatcherFailed", "CDC:ErrColumnSelectorFailed", "CDC:ErrSinkURIInvalid",
            "CDC:ErrKafkaInvalidConfig", "CDC:ErrMySQLInvalidConfig", "CDC:ErrStorageSinkInvalidConfig");

    private FatalErrors() {
    }

    /** Whether the error's code, or a code named inside its message, is fatal. */
    static boolean isFatal(RunningError error) {
        return CODES.contains(error.code()) || CODES.stream().anyMatch(error.message()::contains);
    }
}
