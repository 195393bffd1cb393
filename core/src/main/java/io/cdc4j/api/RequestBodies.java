package io.cdc4j.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON request bodies the way TiCDC binds them (unknown fields ignored; malformed JSON, wrong types
 * and an empty body are a 400 {@code CDC:ErrAPIInvalidParam}) with a size limit of {@value #MAX_BYTES} bytes.
 */
public final class RequestBodies {
    /** Larger bodies are refused before they are read. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private RequestBodies() {
    }

    /** Decodes the body into {@code type}; an empty body is an error (send {@code {}}). */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = bytes(ctx);
        if (body.length == 0) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "the request body is empty: send a JSON object",
                    new IOException("EOF"));
        }
        try {
            T value = ApiJson.mapper().readValue(body, type);
            if (value == null) {
                throw new CdcException(ErrorCode.API_INVALID_PARAM, "the request body must be a JSON object, not null");
            }
            return value;
        } catch (JsonMappingException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, describe(e), e.getCause());
        } catch (JsonProcessingException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "the request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "cannot read the request body", e);
        }
    }

    /** The raw body, refused when over the size limit. */
    public static byte[] bytes(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "cannot read the request body", e);
        }
    }

    private static CdcException tooLarge() {
        return new CdcException(ErrorCode.API_INVALID_PARAM,
                "the request body is larger than " + MAX_BYTES + " bytes");
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        String what = e.getOriginalMessage();
        int newline = what.indexOf('\n');
        if (newline > 0) {
            what = what.substring(0, newline);
        }
        return path.isEmpty() ? "invalid request body: " + what : "invalid value for field '" + path + "': " + what;
    }
}
