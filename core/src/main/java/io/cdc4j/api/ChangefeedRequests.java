package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;

/** The JSON bodies of the changefeed routes, v2 and v1, as TiCDC names their fields. */
final class ChangefeedRequests {
    private ChangefeedRequests() {
    }

    /** v2 create: {@code replica_config} is decoded over the defaults. */
    record CreateV2(@JsonProperty("namespace") String namespace,
                    @JsonProperty("changefeed_id") String changefeedId,
                    @JsonProperty("start_ts") Long startTs,
                    @JsonProperty("target_ts") Long targetTs,
                    @JsonProperty("sink_uri") String sinkUri,
                    @JsonProperty("replica_config") JsonNode replicaConfig) {
        CreateV2 {
            startTs = unsigned("start_ts", startTs);
            targetTs = unsigned("target_ts", targetTs);
        }
    }

    /** v2 update: zero and empty mean unchanged; a {@code replica_config} replaces the whole config. */
    record UpdateV2(@JsonProperty("target_ts") Long targetTs,
                    @JsonProperty("sink_uri") String sinkUri,
                    @JsonProperty("replica_config") JsonNode replicaConfig) {
        UpdateV2 {
            targetTs = unsigned("target_ts", targetTs);
        }
    }

    /** v2 resume. */
    record Resume(@JsonProperty("overwrite_checkpoint_ts") Long overwriteCheckpointTs) {
        Resume {
            overwriteCheckpointTs = unsigned("overwrite_checkpoint_ts", overwriteCheckpointTs);
        }
    }

    /** v1 create: a handful of settings over the default config; {@code sink_config} uses kebab-case keys. */
    record CreateV1(@JsonProperty("changefeed_id") String changefeedId,
                    @JsonProperty("start_ts") Long startTs,
                    @JsonProperty("target_ts") Long targetTs,
                    @JsonProperty("sink_uri") String sinkUri,
                    @JsonProperty("force_replicate") Boolean forceReplicate,
                    @JsonProperty("ignore_ineligible_table") Boolean ignoreIneligibleTable,
                    @JsonProperty("filter_rules") List<String> filterRules,
                    @JsonProperty("ignore_txn_start_ts") List<Long> ignoreTxnStartTs,
                    @JsonProperty("mounter_worker_num") Integer mounterWorkerNum,
                    @JsonProperty("sink_config") JsonNode sinkConfig) {
        CreateV1 {
            startTs = unsigned("start_ts", startTs);
            targetTs = unsigned("target_ts", targetTs);
        }
    }

    /** v1 update: only these settings, each merged over the current config. */
    record UpdateV1(@JsonProperty("target_ts") Long targetTs,
                    @JsonProperty("sink_uri") String sinkUri,
                    @JsonProperty("filter_rules") List<String> filterRules,
                    @JsonProperty("ignore_txn_start_ts") List<Long> ignoreTxnStartTs,
                    @JsonProperty("mounter_worker_num") Integer mounterWorkerNum,
                    @JsonProperty("sink_config") JsonNode sinkConfig) {
        UpdateV1 {
            targetTs = unsigned("target_ts", targetTs);
        }
    }

    /** v1 move_table. */
    record MoveTable(@JsonProperty("capture_id") String captureId, @JsonProperty("table_id") Long tableId) {
        MoveTable {
            tableId = unsigned("table_id", tableId);
        }
    }

    private static Long unsigned(String field, Long value) {
        if (value == null) {
            return 0L;
        }
        if (value < 0) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid value for field '" + field
                    + "': a uint64 cannot be negative: " + value);
        }
        return value;
    }
}
