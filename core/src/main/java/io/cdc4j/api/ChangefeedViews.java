package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.meta.RunningError;
import java.util.List;
import java.util.Optional;

/** The JSON answers of the changefeed and processor routes, field for field as TiCDC serializes them. */
final class ChangefeedViews {
    private ChangefeedViews() {
    }

    /** v2 ChangeFeedInfo (create, get, update, meta_info). */
    @JsonPropertyOrder({"upstream_id", "namespace", "id", "sink_uri", "create_time", "start_ts", "target_ts",
            "admin_job_type", "config", "state", "error", "creator_version", "resolved_ts", "checkpoint_ts",
            "checkpoint_time", "task_status"})
    record DetailV2(
            @JsonProperty("upstream_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long upstreamId,
            @JsonProperty("namespace") String namespace,
            @JsonProperty("id") String id,
            @JsonProperty("sink_uri") String sinkUri,
            @JsonProperty("create_time") String createTime,
            @JsonProperty("start_ts") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long startTs,
            @JsonProperty("target_ts") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long targetTs,
            @JsonProperty("admin_job_type") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int adminJobType,
            @JsonProperty("config") JsonNode config,
            @JsonProperty("state") String state,
            @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ErrorV2> error,
            @JsonProperty("creator_version") @JsonInclude(JsonInclude.Include.NON_EMPTY) String creatorVersion,
            @JsonProperty("resolved_ts") long resolvedTs,
            @JsonProperty("checkpoint_ts") long checkpointTs,
            @JsonProperty("checkpoint_time") String checkpointTime,
            @JsonProperty("task_status") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TaskStatus> taskStatus) {
    }

    /** The error inside a v2 ChangeFeedInfo (no time). */
    record ErrorV2(@JsonProperty("addr") String addr, @JsonProperty("code") String code,
                   @JsonProperty("message") String message) {
        static ErrorV2 of(RunningError error) {
            return new ErrorV2(error.addr(), error.code(), error.message());
        }
    }

    /** A recorded error with its time, as lists and {@code /status} show it. */
    @JsonPropertyOrder({"time", "addr", "code", "message"})
    record TimedError(@JsonProperty("time") String time, @JsonProperty("addr") String addr,
                      @JsonProperty("code") String code, @JsonProperty("message") String message) {
        static TimedError of(RunningError error) {
            return new TimedError(ApiTimes.rfc3339(error.time()), error.addr(), error.code(), error.message());
        }
    }

    /** Where a running changefeed runs. */
    @JsonPropertyOrder({"capture_id", "table_ids"})
    record TaskStatus(@JsonProperty("capture_id") String captureId,
                      @JsonProperty("table_ids") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> tableIds) {
    }

    /** A list item (v2 ChangefeedCommonInfo; v1 uses the same fields in a bare array). */
    @JsonPropertyOrder({"upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time", "error"})
    record ListItem(@JsonProperty("upstream_id") long upstreamId,
                    @JsonProperty("namespace") String namespace,
                    @JsonProperty("id") String id,
                    @JsonProperty("state") String state,
                    @JsonProperty("checkpoint_tso") long checkpointTso,
                    @JsonProperty("checkpoint_time") String checkpointTime,
                    @JsonProperty("error") Optional<TimedError> error) {
    }

    /** {@code GET .../{id}/status}. */
    @JsonPropertyOrder({"state", "resolved_ts", "checkpoint_ts", "last_error", "last_warning"})
    record Status(@JsonProperty("state") String state,
                  @JsonProperty("resolved_ts") long resolvedTs,
                  @JsonProperty("checkpoint_ts") long checkpointTs,
                  @JsonProperty("last_error") @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<TimedError> lastError,
                  @JsonProperty("last_warning") @JsonInclude(JsonInclude.Include.NON_ABSENT)
                  Optional<TimedError> lastWarning) {
    }

    /** {@code GET .../{id}/synced}. */
    @JsonPropertyOrder({"synced", "sink_checkpoint_ts", "puller_resolved_ts", "last_synced_ts", "now_ts", "info"})
    record Synced(@JsonProperty("synced") boolean synced,
                  @JsonProperty("sink_checkpoint_ts") String sinkCheckpointTs,
                  @JsonProperty("puller_resolved_ts") String pullerResolvedTs,
                  @JsonProperty("last_synced_ts") String lastSyncedTs,
                  @JsonProperty("now_ts") String nowTs,
                  @JsonProperty("info") String info) {
    }

    /** v1 GET changefeed. */
    @JsonPropertyOrder({"upstream_id", "namespace", "id", "sink_uri", "create_time", "start_ts", "resolved_ts",
            "target_ts", "checkpoint_tso", "checkpoint_time", "state", "error", "error_history", "creator_version",
            "task_status"})
    record DetailV1(@JsonProperty("upstream_id") long upstreamId,
                    @JsonProperty("namespace") String namespace,
                    @JsonProperty("id") String id,
                    @JsonProperty("sink_uri") String sinkUri,
                    @JsonProperty("create_time") String createTime,
                    @JsonProperty("start_ts") long startTs,
                    @JsonProperty("resolved_ts") long resolvedTs,
                    @JsonProperty("target_ts") long targetTs,
                    @JsonProperty("checkpoint_tso") long checkpointTso,
                    @JsonProperty("checkpoint_time") String checkpointTime,
                    @JsonProperty("state") String state,
                    @JsonProperty("error") Optional<TimedError> error,
                    @JsonProperty("error_history") Optional<List<TimedError>> errorHistory,
                    @JsonProperty("creator_version") String creatorVersion,
                    @JsonProperty("task_status") List<TaskStatus> taskStatus) {
    }

    /** A processor list item. */
    @JsonPropertyOrder({"namespace", "changefeed_id", "capture_id"})
    record ProcessorItem(@JsonProperty("namespace") String namespace,
                         @JsonProperty("changefeed_id") String changefeedId,
                         @JsonProperty("capture_id") String captureId) {
    }

    /** v2 processor detail: {@code null} table ids when the capture holds none. */
    record ProcessorV2(@JsonProperty("table_ids") Optional<List<Long>> tableIds) {
    }

    /** v1 processor detail. */
    @JsonPropertyOrder({"checkpoint_ts", "resolved_ts", "table_ids", "error"})
    record ProcessorV1(@JsonProperty("checkpoint_ts") long checkpointTs,
                       @JsonProperty("resolved_ts") long resolvedTs,
                       @JsonProperty("table_ids") Optional<List<Long>> tableIds,
                       @JsonProperty("error") Optional<TimedError> error) {
    }
}
