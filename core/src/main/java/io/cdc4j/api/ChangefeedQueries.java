package io.cdc4j.api;

import io.cdc4j.meta.ChangefeedState;
import io.cdc4j.model.ChangefeedId;
import io.javalin.http.Context;
import java.util.function.Predicate;

/** Reads the changefeed identity and list filters from a request's path and query, as TiCDC does. */
final class ChangefeedQueries {
    static final String ID_PARAM = "changefeed_id";

    private ChangefeedQueries() {
    }

    /** The path's changefeed id in the query's {@code ?namespace=} (default {@code default}). */
    static ChangefeedId pathId(Context ctx) {
        return new ChangefeedId(namespace(ctx), ctx.pathParam(ID_PARAM));
    }

    /** The path's changefeed id in the default namespace (v1). */
    static ChangefeedId pathIdV1(Context ctx) {
        return new ChangefeedId(ChangefeedId.DEFAULT_NAMESPACE, ctx.pathParam(ID_PARAM));
    }

    static String namespace(Context ctx) {
        String namespace = ctx.queryParam("namespace");
        return namespace == null || namespace.isEmpty() ? ChangefeedId.DEFAULT_NAMESPACE : namespace;
    }

    /**
     * The {@code ?state=} filter: absent keeps everything but finished and removed, {@code all} keeps everything,
     * anything else keeps the changefeeds stored in exactly that state.
     */
    static Predicate<ChangefeedState> stateFilter(Context ctx) {
        String state = ctx.queryParam("state");
        if (state == null || state.isEmpty()) {
            return s -> s != ChangefeedState.FINISHED && s != ChangefeedState.REMOVED;
        }
        if (state.equalsIgnoreCase("all")) {
            return s -> true;
        }
        return s -> s.text().equals(state);
    }
}
