package io.cdc4j.api;

import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.RunningError;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.model.Tso;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns changefeed snapshots into the v2 and v1 answers: masking, time formats, and what each state shows. */
final class ChangefeedPresenter {
    private static final Set<ChangefeedState> QUIET = EnumSet.of(ChangefeedState.NORMAL, ChangefeedState.STOPPED,
            ChangefeedState.FINISHED, ChangefeedState.REMOVED);
    static final String SYNCED = "Data syncing is finished";
    static final String NOT_SYNCED = "The data syncing is not finished, please wait";
    static final String CHECK_UPSTREAM = "Please check whether PD is online and TiKV Regions are all available. If PD is"
            + " offline or some TiKV regions are not available, it means that the data syncing process is complete. To"
            + " check whether TiKV regions are all available, you can view 'TiKV-Details' > 'Resolved-Ts' > 'Max"
            + " Leader Resolved TS gap' on Grafana. If the gap is large, such as a few minutes, it means that some"
            + " regions in TiKV are unavailable. Otherwise, if the gap is small and PD is online, it means the data"
            + " syncing is incomplete, so please wait";

    private ChangefeedPresenter() {
    }

    /** v2 ChangeFeedInfo; {@code mask} hides the sink URI's secrets (meta_info shows them). */
    static ChangefeedViews.DetailV2 detailV2(ChangefeedSnapshot cf, boolean mask) {
        var info = cf.info();
        Optional<ChangefeedViews.ErrorV2> error = QUIET.contains(info.state())
                ? Optional.empty() : info.error().map(ChangefeedViews.ErrorV2::of);
        return new ChangefeedViews.DetailV2(0, info.namespace(), info.id(),
                mask ? SinkUriMasker.mask(info.sinkUri()) : info.sinkUri(), ApiTimes.rfc3339(info.createTime()),
                info.startTs(), info.targetTs(), info.adminJobType(), ReplicaConfigJson.toTree(info.config()),
                info.state().text(), error, info.creatorVersion(), cf.resolvedTs(), cf.status().checkpointTs(),
                ApiTimes.ofTs(cf.status().checkpointTs()), taskStatus(cf));
    }

    static ChangefeedViews.DetailV1 detailV1(ChangefeedSnapshot cf) {
        var info = cf.info();
        return new ChangefeedViews.DetailV1(0, info.namespace(), info.id(), SinkUriMasker.mask(info.sinkUri()),
                ApiTimes.millis(info.createTime()), info.startTs(), cf.resolvedTs(), info.targetTs(),
                cf.status().checkpointTs(), ApiTimes.ofTs(cf.status().checkpointTs()), info.state().text(),
                Optional.empty(), Optional.empty(), info.creatorVersion(), taskStatus(cf));
    }

    /** v2 list item: {@code pending} shows as {@code warning}; quiet states show no error. */
    static ChangefeedViews.ListItem listItemV2(ChangefeedSnapshot cf) {
        var info = cf.info();
        String state = info.state() == ChangefeedState.PENDING ? ChangefeedState.WARNING.text() : info.state().text();
        Optional<ChangefeedViews.TimedError> error = QUIET.contains(info.state())
                ? Optional.empty() : info.error().or(info::warning).map(ChangefeedViews.TimedError::of);
        return new ChangefeedViews.ListItem(0, info.namespace(), info.id(), state, cf.status().checkpointTs(),
                ApiTimes.ofTs(cf.status().checkpointTs()), error);
    }

    /** v1 list item: raw state; only a normal changefeed hides its error. */
    static ChangefeedViews.ListItem listItemV1(ChangefeedSnapshot cf) {
        var info = cf.info();
        Optional<ChangefeedViews.TimedError> error = info.state() == ChangefeedState.NORMAL
                ? Optional.empty() : info.error().or(info::warning).map(ChangefeedViews.TimedError::of);
        return new ChangefeedViews.ListItem(0, info.namespace(), info.id(), info.state().text(),
                cf.status().checkpointTs(), ApiTimes.ofTs(cf.status().checkpointTs()), error);
    }

    /** {@code /status}: errors and warnings only when newer than the checkpoint. */
    static ChangefeedViews.Status status(ChangefeedSnapshot cf) {
        long checkpointMillis = Tso.physical(cf.status().checkpointTs());
        return new ChangefeedViews.Status(cf.info().state().text(), cf.resolvedTs(), cf.status().checkpointTs(),
                newer(cf.info().error(), checkpointMillis), newer(cf.info().warning(), checkpointMillis));
    }

    /** {@code /synced}, judged with the changefeed's synced_status intervals against {@code nowTs}. */
    static ChangefeedViews.Synced synced(ChangefeedSnapshot cf, long nowTs) {
        long now = Tso.physical(nowTs);
        long checkpoint = Tso.physical(cf.status().checkpointTs());
        long resolved = Tso.physical(cf.resolvedTs());
        long lastSyncedTs = cf.positions().values().stream().mapToLong(p -> p.lastSyncedTs()).max().orElse(0L);
        long lastSynced = Tso.physical(lastSyncedTs);
        var intervals = cf.info().config().syncedStatus();
        boolean quietLongEnough = now - lastSynced > intervals.syncedCheckInterval() * 1000;
        boolean synced = quietLongEnough && now - checkpoint < intervals.checkpointInterval() * 1000;
        String info = synced ? SYNCED
                : quietLongEnough && resolved - checkpoint < intervals.checkpointInterval() * 1000
                ? CHECK_UPSTREAM : NOT_SYNCED;
        long nowSeconds = nowTs <= 0 ? 0 : Tso.compose(now / 1000 * 1000, 0);
        return new ChangefeedViews.Synced(synced, ApiTimes.ofTs(cf.status().checkpointTs()),
                ApiTimes.ofTs(cf.resolvedTs()), ApiTimes.ofTs(lastSyncedTs), ApiTimes.ofTs(nowSeconds), info);
    }

    private static Optional<ChangefeedViews.TimedError> newer(Optional<RunningError> error, long checkpointMillis) {
        return error.filter(e -> e.time().toEpochMilli() > checkpointMillis).map(ChangefeedViews.TimedError::of);
    }

    private static List<ChangefeedViews.TaskStatus> taskStatus(ChangefeedSnapshot cf) {
        if (cf.info().state() != ChangefeedState.NORMAL || cf.status().captureId().isEmpty()) {
            return List.of();
        }
        List<ChangefeedViews.TaskStatus> tasks = new ArrayList<>();
        for (String capture : cf.status().participants()) {
            TaskPosition position = cf.positions().get(capture);
            tasks.add(new ChangefeedViews.TaskStatus(capture, position == null ? List.of() : position.tableIds()));
        }
        return tasks;
    }
}
