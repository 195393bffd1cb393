package io.cdc4j.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.model.ChangefeedId;
import io.javalin.Javalin;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The v1 changefeed routes: bare arrays, 202 with an empty body for writes, the default namespace only. */
final class ChangefeedRoutesV1 {
    private static final String BASE = "/api/v1/changefeeds";
    private static final String ONE = BASE + "/{" + ChangefeedQueries.ID_PARAM + "}";

    private ChangefeedRoutesV1() {
    }

    static void register(Javalin app, OwnerForwarder owner, ChangefeedService service) {
        app.get(BASE, owner.onOwner(ctx -> {
            Predicate<ChangefeedState> states = ChangefeedQueries.stateFilter(ctx);
            ctx.json(service.list(id -> true).stream()
                    .filter(cf -> states.test(cf.info().state()))
                    .map(ChangefeedPresenter::listItemV1)
                    .toList());
        }));
        app.post(BASE, owner.onOwner(ctx -> {
            var body = RequestBodies.read(ctx, ChangefeedRequests.CreateV1.class);
            String id = ChangefeedRoutesV2.orEmpty(body.changefeedId());
            if (!ChangefeedId.isValidName(id)) {
                throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid changefeed_id: " + id);
            }
            ObjectNode settings = settings(body.filterRules(), body.ignoreTxnStartTs(), body.mounterWorkerNum(),
                    body.sinkConfig());
            if (body.forceReplicate() != null) {
                settings.put("force_replicate", body.forceReplicate());
            }
            if (body.ignoreIneligibleTable() != null) {
                settings.put("ignore_ineligible_table", body.ignoreIneligibleTable());
            }
            ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults(settings);
            service.create(new ChangefeedService.Draft(ChangefeedId.DEFAULT_NAMESPACE, id, body.startTs(),
                    body.targetTs(), ChangefeedRoutesV2.orEmpty(body.sinkUri()), config));
            ctx.status(202);
        }));
        app.get(ONE, owner.onOwner(ctx -> ctx.json(ChangefeedPresenter.detailV1(
                service.load(ChangefeedQueries.pathIdV1(ctx))))));
        app.put(ONE, owner.onOwner(ctx -> {
            ChangefeedId id = ChangefeedQueries.pathIdV1(ctx);
            var body = RequestBodies.read(ctx, ChangefeedRequests.UpdateV1.class);
            ObjectNode settings = settings(body.filterRules(), body.ignoreTxnStartTs(), body.mounterWorkerNum(),
                    body.sinkConfig());
            service.update(id, current -> current.withSettings(
                    ChangefeedRoutesV2.orEmpty(body.sinkUri()).isEmpty() ? current.sinkUri() : body.sinkUri(),
                    body.targetTs() == 0 ? current.targetTs() : body.targetTs(),
                    ReplicaConfigJson.decodeOver(current.config(), settings)));
            ctx.status(202);
        }));
        app.delete(ONE, owner.onOwner(ctx -> {
            ChangefeedId id = ChangefeedQueries.pathIdV1(ctx);
            if (!service.remove(id)) {
                throw ChangefeedService.notFound(id);
            }
            ctx.status(202);
        }));
        app.post(ONE + "/pause", owner.onOwner(ctx -> {
            service.pause(ChangefeedQueries.pathIdV1(ctx));
            ctx.status(202);
        }));
        app.post(ONE + "/resume", owner.onOwner(ctx -> {
            service.resume(ChangefeedQueries.pathIdV1(ctx), 0);
            ctx.status(202);
        }));
        app.post(ONE + "/tables/rebalance_table", owner.onOwner(ctx -> {
            service.rebalance(ChangefeedQueries.pathIdV1(ctx));
            ctx.status(202);
        }));
        app.post(ONE + "/tables/move_table", owner.onOwner(ctx -> {
            ChangefeedId id = ChangefeedQueries.pathIdV1(ctx);
            var body = RequestBodies.read(ctx, ChangefeedRequests.MoveTable.class);
            String capture = ChangefeedRoutesV2.orEmpty(body.captureId());
            if (!ChangefeedId.isValidName(capture)) {
                throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid capture_id: " + capture);
            }
            service.load(id);
            if (!service.captureExists(capture)) {
                throw new CdcException(ErrorCode.CAPTURE_NOT_EXIST, "capture not exists: " + capture);
            }
            service.moveTable(id, capture, body.tableId() == null ? 0 : body.tableId());
            ctx.status(202);
        }));
    }

    /** The v1 settings as a v2 {@code replica_config} fragment; {@code sink_config}'s kebab keys become snake. */
    private static ObjectNode settings(List<String> rules, List<Long> ignoreTxnStartTs, Integer mounterWorkers,
                                       JsonNode sinkConfig) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (rules != null || ignoreTxnStartTs != null) {
            ObjectNode filter = config.putObject("filter");
            if (rules != null) {
                rules.forEach(filter.putArray("rules")::add);
            }
            if (ignoreTxnStartTs != null) {
                ignoreTxnStartTs.forEach(filter.putArray("ignore_txn_start_ts")::add);
            }
        }
        if (mounterWorkers != null) {
            config.putObject("mounter").put("worker_num", mounterWorkers);
        }
        if (ChangefeedRoutesV2.present(sinkConfig)) {
            config.set("sink", snakeKeys(sinkConfig));
        }
        return config;
    }

    private static JsonNode snakeKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String key = field.getKey().replace('-', '_');
                out.set(key, snakeKeys(field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(snakeKeys(item)));
            return out;
        }
        return node;
    }
}
