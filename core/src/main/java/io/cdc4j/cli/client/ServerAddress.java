package io.cdc4j.cli.client;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The base URL of a capture's API as {@code --server} gives it: a URL ({@code http://127.0.0.1:8300}) or, as TiCDC
 * accepts, a bare {@code host:port} that gets {@code http://}. A path other than {@code /} is refused.
 */
public record ServerAddress(URI base) {
    /** TiCDC's default, a capture on this host. */
    public static final String DEFAULT = "http://127.0.0.1:8300";

    public ServerAddress {
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: " + base);
        }
    }

    /** Parses a {@code --server} value. */
    public static ServerAddress parse(String text) {
        String trimmed = text.strip();
        URI uri = tryParse(trimmed);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            uri = tryParse("http://" + trimmed);
        }
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new CdcException(ErrorCode.INVALID_HOST,
                    ErrorCode.INVALID_HOST.defaultMessage() + ": \"" + text + "\"");
        }
        return new ServerAddress(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
    }

    /** The absolute URL of an API path such as {@code /api/v2/captures}. */
    public URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static URI tryParse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
