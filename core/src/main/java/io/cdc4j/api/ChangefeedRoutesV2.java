package io.cdc4j.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.model.ChangefeedId;
import io.javalin.Javalin;
import java.util.Map;
import java.util.function.Predicate;

/** The v2 changefeed routes: create, list, get, update, delete, pause, resume, status, synced, meta_info. */
final class ChangefeedRoutesV2 {
    private static final String BASE = "/api/v2/changefeeds";
    private static final String ONE = BASE + "/{" + ChangefeedQueries.ID_PARAM + "}";
    /** The English v2 document spells the synced path with a singular {@code changefeed}; scripts follow it. */
    private static final String SYNCED_AS_DOCUMENTED = "/api/v2/changefeed/{" + ChangefeedQueries.ID_PARAM + "}/synced";
    private static final Map<String, Object> EMPTY_OBJECT = Map.of();

    private ChangefeedRoutesV2() {
    }

    static void register(Javalin app, OwnerForwarder owner, ChangefeedService service, TsoClock tso) {
        app.post(BASE, owner.onOwner(ctx -> {
            var body = RequestBodies.read(ctx, ChangefeedRequests.CreateV2.class);
            ReplicaConfig config = present(body.replicaConfig())
                    ? ReplicaConfigJson.decodeOverDefaults(body.replicaConfig()) : ReplicaConfig.defaults();
            var draft = new ChangefeedService.Draft(orEmpty(body.namespace()).isEmpty()
                    ? ChangefeedId.DEFAULT_NAMESPACE : body.namespace(), orEmpty(body.changefeedId()),
                    body.startTs(), body.targetTs(), orEmpty(body.sinkUri()), config);
            ctx.json(ChangefeedPresenter.detailV2(service.create(draft), true));
        }));
        app.get(BASE, owner.onOwner(ctx -> {
            String namespace = ChangefeedQueries.namespace(ctx);
            Predicate<ChangefeedState> states = ChangefeedQueries.stateFilter(ctx);
            var items = service.list(id -> id.namespace().equals(namespace)).stream()
                    .filter(cf -> states.test(cf.info().state()))
                    .map(ChangefeedPresenter::listItemV2)
                    .toList();
            ctx.json(ListResponse.of(items));
        }));
        app.get(ONE, owner.onOwner(ctx -> ctx.json(ChangefeedPresenter.detailV2(
                service.load(ChangefeedQueries.pathId(ctx)), true))));
        app.get(ONE + "/meta_info", owner.onOwner(ctx -> ctx.json(ChangefeedPresenter.detailV2(
                service.load(ChangefeedQueries.pathId(ctx)), false))));
        app.get(ONE + "/status", owner.onOwner(ctx -> ctx.json(ChangefeedPresenter.status(
                service.load(ChangefeedQueries.pathId(ctx))))));
        for (String synced : new String[] {ONE + "/synced", SYNCED_AS_DOCUMENTED}) {
            app.get(synced, owner.onOwner(ctx -> ctx.json(ChangefeedPresenter.synced(
                    service.load(ChangefeedQueries.pathId(ctx)), tso.now()))));
        }
        app.put(ONE, owner.onOwner(ctx -> {
            ChangefeedId id = ChangefeedQueries.pathId(ctx);
            var body = RequestBodies.read(ctx, ChangefeedRequests.UpdateV2.class);
            ReplicaConfig replacement = present(body.replicaConfig())
                    ? ReplicaConfigJson.decodeReplacing(body.replicaConfig()) : null;
            ctx.json(ChangefeedPresenter.detailV2(service.update(id, current -> current.withSettings(
                    orEmpty(body.sinkUri()).isEmpty() ? current.sinkUri() : body.sinkUri(),
                    body.targetTs() == 0 ? current.targetTs() : body.targetTs(),
                    replacement == null ? current.config() : replacement)), true));
        }));
        app.delete(ONE, owner.onOwner(ctx -> {
            service.remove(ChangefeedQueries.pathId(ctx));
            ctx.json(EMPTY_OBJECT);
        }));
        app.post(ONE + "/pause", owner.onOwner(ctx -> {
            service.pause(ChangefeedQueries.pathId(ctx));
            ctx.json(EMPTY_OBJECT);
        }));
        app.post(ONE + "/resume", owner.onOwner(ctx -> {
            ChangefeedId id = ChangefeedQueries.pathId(ctx);
            var body = RequestBodies.read(ctx, ChangefeedRequests.Resume.class);
            service.resume(id, body.overwriteCheckpointTs());
            ctx.json(EMPTY_OBJECT);
        }));
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
