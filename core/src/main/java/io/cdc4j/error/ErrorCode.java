package io.cdc4j.error;

/**
 * TiCDC's error codes (the RFC codes of pingcap/tiflow `pkg/errors`) that cdc4j reports, so that
 * scripts written against TiCDC see the same `error_code` values.
 */
public enum ErrorCode {
    // API and request handling
    API_INVALID_PARAM("CDC:ErrAPIInvalidParam", "invalid api parameter"),
    API_NOT_FOUND("CDC:ErrAPINotFound", "no API at this path"),
    SERVER_NOT_READY("CDC:ErrServerIsNotReady", "cdc server is not ready"),
    CLUSTER_UNHEALTHY("CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy"),
    OWNER_NOT_FOUND("CDC:ErrOwnerNotFound", "owner not found"),
    NO_OWNER("", "election: no leader"),
    REQUEST_FORWARD("ErrRequestForwardErr", "request forward error, an request can only forward to owner one time"),
    CAPTURE_NOT_EXIST("CDC:ErrCaptureNotExist", "capture not exists"),
    SCHEDULER_REQUEST_FAILED("CDC:ErrSchedulerRequestFailed", "scheduler request failed"),
    INTERNAL("CDC:ErrInternalServerError", "internal server error"),

    // changefeeds
    CHANGEFEED_NOT_EXISTS("CDC:ErrChangeFeedNotExists", "changefeed not exists"),
    CHANGEFEED_ALREADY_EXISTS("CDC:ErrChangeFeedAlreadyExists", "changefeed already exists"),
    CHANGEFEED_UPDATE_REFUSED("CDC:ErrChangefeedUpdateRefused", "changefeed update refused"),
    CHANGEFEED_DELETION_UNFINISHED("CDC:ErrChangeFeedDeletionUnfinished", "changefeed deletion unfinished"),
    CHANGEFEED_UNRETRYABLE("CDC:ErrChangefeedUnretryable", "changefeed is in unretryable state"),
    TARGET_TS_BEFORE_START_TS("CDC:ErrTargetTsBeforeStartTs", "target ts before start ts"),
    START_TS_BEFORE_GC("CDC:ErrStartTsBeforeGC", "fail to create or maintain changefeed because start-ts is earlier than GC safepoint"),
    SNAPSHOT_LOST_BY_GC("CDC:ErrSnapshotLostByGC", "fail to create or maintain changefeed because its checkpoint is no longer kept upstream"),
    GC_TTL_EXCEEDED("CDC:ErrGCTTLExceeded", "the checkpoint-ts of changefeed has lagged too far behind"),
    OWNER_UNKNOWN("CDC:ErrOwnerUnknown", "owner running unknown error"),
    PROCESSOR_UNKNOWN("CDC:ErrProcessorUnknown", "processor running unknown error"),

    // config and filters
    INVALID_REPLICA_CONFIG("CDC:ErrInvalidReplicaConfig", "invalid replica config"),
    FILTER_RULE_INVALID("CDC:ErrFilterRuleInvalid", "filter rule is invalid"),
    INVALID_IGNORE_EVENT_TYPE("CDC:ErrInvalidIgnoreEventType", "invalid ignore event type"),
    INVALID_FILTER_EXPRESSION("CDC:ErrInvalidFilterExpression", "invalid filter expressions"),
    EXPRESSION_COLUMN_NOT_FOUND("CDC:ErrExpressionColumnNotFound", "cannot find column in table"),
    TABLE_INELIGIBLE("CDC:ErrTableIneligible", "some tables are not eligible to replicate"),

    // DDL the changefeed cannot apply as filtered
    SYNC_RENAME_TABLE_FAILED("CDC:ErrSyncRenameTableFailed",
            "table's old name is not in filter rule, and its new name in filter rule"),
    HANDLE_DDL_FAILED("CDC:ErrHandleDDLFailed", "handle ddl failed"),

    // sinks
    SINK_URI_INVALID("CDC:ErrSinkURIInvalid", "sink uri invalid"),
    SINK_INVALID_CONFIG("CDC:ErrSinkInvalidConfig", "sink config invalid"),
    DISPATCHER_FAILED("CDC:ErrDispatcherFailed", "dispatcher failed"),
    COLUMN_SELECTOR_FAILED("CDC:ErrColumnSelectorFailed", "column selector failed"),
    CODEC_DECODE("CDC:ErrCodecDecode", "codec decode error"),
    SINK_UNKNOWN_PROTOCOL("CDC:ErrSinkUnknownProtocol", "unknown protocol"),
    KAFKA_INVALID_CONFIG("CDC:ErrKafkaInvalidConfig", "kafka config invalid"),
    KAFKA_NEW_PRODUCER("CDC:ErrKafkaNewProducer", "new kafka producer"),
    KAFKA_CREATE_TOPIC("CDC:ErrKafkaCreateTopic", "kafka create topic failed"),
    KAFKA_INVALID_PARTITION_NUM("CDC:ErrKafkaInvalidPartitionNum", "invalid partition num"),
    KAFKA_ASYNC_SEND("CDC:ErrKafkaAsyncSendMessage", "kafka async send message failed"),
    MESSAGE_TOO_LARGE("CDC:ErrMessageTooLarge", "message is too large"),
    MYSQL_CONNECTION_ERROR("CDC:ErrMySQLConnectionError", "MySQL connection error"),
    MYSQL_INVALID_CONFIG("CDC:ErrMySQLInvalidConfig", "MySQL config invalid"),
    MYSQL_TXN_ERROR("CDC:ErrMySQLTxnError", "MySQL txn error"),
    MYSQL_QUERY_ERROR("CDC:ErrMySQLQueryError", "MySQL query error"),

    // the upstream (cdc4j's own: TiCDC reads TiKV, not a binlog)
    UPSTREAM_CONNECTION("CDC:ErrUpstreamConnection", "cannot connect to the upstream"),
    UPSTREAM_PREREQUISITE("CDC:ErrUpstreamPrerequisite", "the upstream is not set up for change data capture"),
    UPSTREAM_BINLOG_READ("CDC:ErrUpstreamBinlogRead", "reading the upstream binlog failed"),
    SCHEMA_MISMATCH("CDC:ErrSchemaStorageMismatch", "the binlog's table metadata disagrees with the schema store"),
    SCHEMA_SNAPSHOT_NOT_FOUND("CDC:ErrSchemaSnapshotNotFound", "can not found schema snapshot"),

    // metadata
    META_STORE("CDC:ErrMetaStore", "metadata store error"),

    // cdc cli
    CLI_ABORTED("CDC:ErrCliAborted", "command is aborted by user"),
    CLI_INVALID_CHECKPOINT_TS("CDC:ErrCliInvalidCheckpointTs",
            "overwrite-checkpoint-ts only accepts 'now' or a valid timestamp in integer"),
    CLI_CHECKPOINT_TS_IN_FUTURE("CDC:ErrCliCheckpointTsIsInFuture",
            "the overwrite-checkpoint-ts must be smaller than current TSO"),
    INVALID_HOST("CDC:ErrInvalidHost", "host must be a URL or a host:port pair");

    private final String code;
    private final String defaultMessage;

    ErrorCode(String code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    /** The RFC code as TiCDC spells it, e.g. {@code CDC:ErrAPIInvalidParam}; empty for code-less errors. */
    public String code() {
        return code;
    }

    /** TiCDC's message for the code when no more specific text is given. */
    public String defaultMessage() {
        return defaultMessage;
    }
}
