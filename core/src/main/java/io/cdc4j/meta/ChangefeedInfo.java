package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.model.ChangefeedId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a changefeed is and where it stands, stored at {@code /<cluster>/changefeed/info/<ns>/<id>}: its sink, its
 * bounds, its replica config, its state with the last error and warning, and the upstream it reads ({@code host:port}
 * as captures advertise it; empty when the capture that created it reads none, and then any capture reading an
 * upstream may run it). The owner and the API change it only with compare-and-set.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangefeedInfo(
        @JsonProperty("namespace") String namespace,
        @JsonProperty("id") String id,
        @JsonProperty("sink_uri") String sinkUri,
        @JsonProperty("start_ts") long startTs,
        @JsonProperty("target_ts") long targetTs,
        @JsonProperty("create_time") Instant createTime,
        @JsonProperty("config") ReplicaConfig config,
        @JsonProperty("state") ChangefeedState state,
        @JsonProperty("error") Optional<RunningError> error,
        @JsonProperty("warning") Optional<RunningError> warning,
        @JsonProperty("creator_version") String creatorVersion,
        @JsonProperty("upstream") Optional<String> upstream) {

    public ChangefeedInfo {
        new ChangefeedId(namespace, id);
        Objects.requireNonNull(sinkUri, "sinkUri");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(state, "state");
        error = error == null ? Optional.empty() : error;
        warning = warning == null ? Optional.empty() : warning;
        Objects.requireNonNull(creatorVersion, "creatorVersion");
        upstream = upstream == null ? Optional.empty() : upstream;
        if (startTs <= 0) {
            throw new IllegalArgumentException("start ts must be positive: " + startTs);
        }
        if (targetTs < 0) {
            throw new IllegalArgumentException("target ts must not be negative: " + targetTs);
        }
    }

    /** The changefeed's identity. */
    public ChangefeedId changefeedId() {
        return new ChangefeedId(namespace, id);
    }

    /** TiCDC's admin job type, which follows the state. */
    @JsonProperty("admin_job_type")
    public int adminJobType() {
        return state.adminJobType();
    }

    /** Whether a target ts bounds the changefeed. */
    public boolean hasTarget() {
        return targetTs > 0;
    }

    public ChangefeedInfo withState(ChangefeedState newState) {
        return new ChangefeedInfo(namespace, id, sinkUri, startTs, targetTs, createTime, config, newState, error,
                warning, creatorVersion, upstream);
    }

    public ChangefeedInfo withError(Optional<RunningError> newError) {
        return new ChangefeedInfo(namespace, id, sinkUri, startTs, targetTs, createTime, config, state, newError,
                warning, creatorVersion, upstream);
    }

    public ChangefeedInfo withWarning(Optional<RunningError> newWarning) {
        return new ChangefeedInfo(namespace, id, sinkUri, startTs, targetTs, createTime, config, state, error,
                newWarning, creatorVersion, upstream);
    }

    public ChangefeedInfo withStartTs(long newStartTs) {
        return new ChangefeedInfo(namespace, id, sinkUri, newStartTs, targetTs, createTime, config, state, error,
                warning, creatorVersion, upstream);
    }

    /** The changefeed with what an update may change. */
    public ChangefeedInfo withSettings(String newSinkUri, long newTargetTs, ReplicaConfig newConfig) {
        return new ChangefeedInfo(namespace, id, newSinkUri, startTs, newTargetTs, createTime, newConfig, state, error,
                warning, creatorVersion, upstream);
    }
}
