package io.cdc4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3 description of this API (docs/openapi.json, packed into the jar by the build). */
final class OpenApiDocument {
    private static final String RESOURCE = "openapi.json";

    private OpenApiDocument() {
    }

    static byte[] bytes() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build did not pack " + RESOURCE + " next to " + OpenApiDocument.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packed " + RESOURCE, e);
        }
    }
}
