package io.cdc4j.api;

import io.cdc4j.capture.Capture;
import io.cdc4j.capture.CaptureInfo;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests that only the owner may answer to the owner, as TiCDC does: same method, path, query,
 * headers and body, plus {@code TiCDC-ForwardFromCapture} and {@code TiCDC-ForwardTimes}; the owner's
 * status, headers and body are relayed as they are.
 */
public final class OwnerForwarder {
    static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";
    static final String FORWARD_TIMES = "TiCDC-ForwardTimes";
    private static final int MAX_FORWARD_TIMES = 2;
    private static final Logger LOG = LoggerFactory.getLogger(OwnerForwarder.class);
    /** Headers the JDK client sets itself or refuses, and hop-by-hop headers. */
    private static final Set<String> SKIPPED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection",
            FORWARD_TIMES.toLowerCase(Locale.ROOT), FORWARD_FROM.toLowerCase(Locale.ROOT));

    private final Capture capture;
    private final HttpClient http;

    public OwnerForwarder(Capture capture) {
        this.capture = capture;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Wraps a handler so that it runs on the owner: here if this capture owns the cluster, else forwarded. */
    public Handler onOwner(Handler handler) {
        return ctx -> {
            if (capture.isOwner()) {
                handler.handle(ctx);
            } else {
                forward(ctx);
            }
        };
    }

    private void forward(Context ctx) throws InterruptedException {
        int times = forwardTimes(ctx);
        CaptureInfo owner = owner();
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        URI target = URI.create("http://" + owner.address() + ctx.path() + query);
        byte[] body = RequestBodies.bytes(ctx);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .method(ctx.method().name(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : ctx.headerMap().keySet()) {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : headerValues(ctx, name)) {
                    request.header(name, value);
                }
            }
        }
        request.header(FORWARD_FROM, capture.id());
        request.header(FORWARD_TIMES, Integer.toString(times + 1));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warn("forwarding {} {} to the owner {} at {} failed: {}", ctx.method(), ctx.path(), owner.id(),
                    owner.address(), e.toString());
            throw new CdcException(ErrorCode.REQUEST_FORWARD, "cannot forward the request to the owner "
                    + owner.id() + " at " + owner.address(), e);
        }
        ctx.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> ctx.res().addHeader(name, value));
            }
        });
        ctx.result(response.body());
    }

    private static List<String> headerValues(Context ctx, String name) {
        return java.util.Collections.list(ctx.req().getHeaders(name));
    }

    private static int forwardTimes(Context ctx) {
        String header = ctx.header(FORWARD_TIMES);
        if (header == null || header.isEmpty()) {
            return 0;
        }
        int times;
        try {
            times = Integer.parseInt(header);
        } catch (NumberFormatException e) {
            throw new CdcException(ErrorCode.REQUEST_FORWARD, ErrorCode.REQUEST_FORWARD.defaultMessage());
        }
        if (times > MAX_FORWARD_TIMES || times < 0) {
            throw new CdcException(ErrorCode.REQUEST_FORWARD, ErrorCode.REQUEST_FORWARD.defaultMessage());
        }
        return times;
    }

    private CaptureInfo owner() {
        Optional<String> ownerId = capture.ownerLookup().ownerId();
        if (ownerId.isEmpty()) {
            throw CdcException.of(ErrorCode.NO_OWNER);
        }
        return capture.registry().get(ownerId.get())
                .orElseThrow(() -> new CdcException(ErrorCode.OWNER_NOT_FOUND,
                        "owner " + ownerId.get() + " is not among the live captures"));
    }
}
