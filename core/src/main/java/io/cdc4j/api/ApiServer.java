package io.cdc4j.api;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.HostPorts;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server of one capture: TiCDC's OpenAPI v2 and v1, {@code /metrics}, and JSON errors everywhere. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Map<String, Object> EMPTY_OBJECT = Map.of();

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving on {@code listen} ({@code host:port}; port 0 picks a free one). */
    public static ApiServer start(String listen, ApiContext context) {
        InetSocketAddress address = HostPorts.parse(listen, "--addr");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            config.http.maxRequestSize = RequestBodies.MAX_BYTES + 1L;
        });
        routes(app, context);
        errors(app);
        try {
            app.start(address.getHostString(), address.getPort());
        } catch (RuntimeException e) {
            app.stop();
            throw new CdcException(ErrorCode.INTERNAL, "cannot serve the API on " + listen
                    + " (is another process using the port? choose another --addr)", e);
        }
        LOG.info("API serving on {}:{}", address.getHostString(), app.port());
        return new ApiServer(app);
    }

    /** Every route served, as {@code METHOD /path} with {@code {name}} path parameters. */
    public List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.getEndpoint().getMethod().name() + " " + parsed.getEndpoint().getPath())
                .sorted()
                .toList();
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void routes(Javalin app, ApiContext context) {
        ClusterApi cluster = new ClusterApi(context);
        OwnerForwarder owner = new OwnerForwarder(context.capture());
        ChangefeedService changefeeds = new ChangefeedService(context);
        ChangefeedRoutesV2.register(app, owner, changefeeds, context.tso());
        ChangefeedRoutesV1.register(app, owner, changefeeds);
        ProcessorRoutes.register(app, owner, changefeeds, context.tasks());

        app.get("/api/v2/status", ctx -> ctx.json(cluster.status()));
        app.get("/api/v2/health", owner.onOwner(ctx -> {
            cluster.checkHealth();
            ctx.json(EMPTY_OBJECT);
        }));
        app.get("/api/v2/captures", owner.onOwner(ctx -> ctx.json(ListResponse.of(cluster.captures()))));
        app.post("/api/v2/owner/resign", owner.onOwner(ctx -> {
            cluster.resign();
            ctx.json(EMPTY_OBJECT);
        }));
        app.post("/api/v2/log", ctx -> {
            cluster.setLogLevel(RequestBodies.read(ctx, LogLevelRequest.class));
            ctx.json(EMPTY_OBJECT);
        });

        app.get("/api/v1/status", ctx -> ctx.json(cluster.status()));
        app.get("/api/v1/health", owner.onOwner(ctx -> {
            cluster.checkHealth();
            ctx.status(200);
        }));
        app.get("/api/v1/captures", owner.onOwner(ctx -> ctx.json(cluster.captures())));
        app.post("/api/v1/owner/resign", owner.onOwner(ctx -> {
            cluster.resign();
            ctx.status(202);
        }));
        app.post("/api/v1/log", ctx -> {
            cluster.setLogLevel(RequestBodies.read(ctx, LogLevelRequest.class));
            ctx.status(200);
        });

        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(context.metrics().scrape()));
        byte[] openApi = OpenApiDocument.bytes();
        app.get("/api/v2/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private static void errors(Javalin app) {
        app.exception(CdcException.class, (e, ctx) -> {
            int status = ErrorStatus.of(e.errorCode());
            if (status >= 500) {
                LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            }
            error(ctx, status, e.getMessage(), e.errorCode().code());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            switch (e.getStatus()) {
                case 404, 405 -> error(ctx, 404, "[" + ErrorCode.API_NOT_FOUND.code() + "]no API at "
                        + ctx.method() + " " + ctx.path(), ErrorCode.API_NOT_FOUND.code());
                case 413 -> error(ctx, 400, "[" + ErrorCode.API_INVALID_PARAM.code() + "]the request body is larger"
                        + " than " + RequestBodies.MAX_BYTES + " bytes", ErrorCode.API_INVALID_PARAM.code());
                default -> error(ctx, e.getStatus(), e.getMessage(), e.getStatus() < 500
                        ? ErrorCode.API_INVALID_PARAM.code() : ErrorCode.INTERNAL.code());
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
            error(ctx, 500, "[" + ErrorCode.INTERNAL.code() + "]" + e, ErrorCode.INTERNAL.code());
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, "[" + ErrorCode.API_NOT_FOUND.code() + "]no API at " + ctx.method() + " "
                        + ctx.path(), ErrorCode.API_NOT_FOUND.code());
            }
        });
    }

    private static void error(Context ctx, int status, String message, String code) {
        ctx.status(status).json(new ErrorResponse(message, code));
    }
}
