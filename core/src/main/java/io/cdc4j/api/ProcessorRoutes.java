package io.cdc4j.api;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.meta.TaskPosition;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.model.ChangefeedId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The processor routes of v2 and v1: which capture runs which changefeed, and one processor's position. */
final class ProcessorRoutes {
    private static final String CAPTURE_PARAM = "capture_id";

    private ProcessorRoutes() {
    }

    static void register(Javalin app, OwnerForwarder owner, ChangefeedService service, TaskStore tasks) {
        app.get("/api/v2/processors", owner.onOwner(ctx -> ctx.json(ListResponse.of(items(tasks)))));
        app.get("/api/v1/processors", owner.onOwner(ctx -> ctx.json(items(tasks))));
        app.get("/api/v2/processors/{changefeed_id}/{capture_id}", owner.onOwner(ctx -> {
            TaskPosition position = position(ctx, service, tasks, ChangefeedQueries::pathId);
            ctx.json(new ChangefeedViews.ProcessorV2(tableIds(position)));
        }));
        app.get("/api/v1/processors/{changefeed_id}/{capture_id}", owner.onOwner(ctx -> {
            TaskPosition position = position(ctx, service, tasks, ChangefeedQueries::pathIdV1);
            ctx.json(new ChangefeedViews.ProcessorV1(position.checkpointTs(), position.resolvedTs(),
                    tableIds(position), position.error().map(ChangefeedViews.TimedError::of)));
        }));
    }

    private static List<ChangefeedViews.ProcessorItem> items(TaskStore tasks) {
        return tasks.list().stream()
                .map(key -> new ChangefeedViews.ProcessorItem(key.changefeed().namespace(), key.changefeed().id(),
                        key.captureId()))
                .toList();
    }

    /** The processor's position; the changefeed must be running and the capture must hold it. */
    private static TaskPosition position(Context ctx, ChangefeedService service, TaskStore tasks,
                                         Function<Context, ChangefeedId> idOf) {
        ChangefeedId id = idOf.apply(ctx);
        String capture = ctx.pathParam(CAPTURE_PARAM);
        if (!ChangefeedId.isValidName(capture)) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid capture_id: " + capture);
        }
        ChangefeedState state = service.load(id).info().state();
        if (state != ChangefeedState.NORMAL && state != ChangefeedState.WARNING) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "changefeed " + id + " is " + state.text()
                    + ": only a normal or warning changefeed has processors to show");
        }
        return tasks.position(new TaskStore.TaskKey(id, capture))
                .orElseThrow(() -> new CdcException(ErrorCode.CAPTURE_NOT_EXIST, "capture " + capture
                        + " runs no processor of changefeed " + id));
    }

    private static Optional<List<Long>> tableIds(TaskPosition position) {
        return position.tableIds().isEmpty() ? Optional.empty() : Optional.of(position.tableIds());
    }
}
