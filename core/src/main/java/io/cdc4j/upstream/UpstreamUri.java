package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the {@code --upstream mysql://USER:PASS@HOST:PORT/?server-id=N&ssl-mode=...} URI. */
public final class UpstreamUri {
    /**
     * The server-id when the URI names none, far from ids people give servers. The same on every capture, so a
     * cluster counts its changefeeds' ids from one base; a second cluster on the same upstream needs its own.
     */
    public static final long DEFAULT_SERVER_ID = 0x40000000L;

    private static final Set<String> KNOWN = Set.of("server-id", "ssl-ca", "ssl-cert", "ssl-key", "ssl-mode");

    private UpstreamUri() {
    }

    /** The config the URI describes; a {@link CdcException} (UPSTREAM_CONNECTION) says what is wrong with it. */
    public static UpstreamConfig parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, "it is not a URI", e);
        }
        if (!"mysql".equalsIgnoreCase(uri.getScheme()) && !"mariadb".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(text, "the scheme must be mysql://", null);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(text, "it names no host (expected mysql://USER:PASS@HOST:PORT/)", null);
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            throw invalid(text, "it names no user (expected mysql://USER:PASS@HOST:PORT/)", null);
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        Map<String, String> query = query(text, uri.getRawQuery());
        long serverId = query.containsKey("server-id") ? serverId(text, query.get("server-id"))
                : DEFAULT_SERVER_ID;
        String mode = query.getOrDefault("ssl-mode", query.containsKey("ssl-ca") ? "verify-ca" : "disabled")
                .toLowerCase(java.util.Locale.ROOT);
        if (!TlsOptions.MODES.contains(mode)) {
            throw invalid(text, "ssl-mode " + mode + " is not one of " + TlsOptions.MODES, null);
        }
        TlsOptions tls = new TlsOptions(mode, Optional.ofNullable(query.get("ssl-ca")),
                Optional.ofNullable(query.get("ssl-cert")), Optional.ofNullable(query.get("ssl-key")));
        if (tls.certFile().isPresent() != tls.keyFile().isPresent()) {
            throw invalid(text, "ssl-cert and ssl-key go together", null);
        }
        return new UpstreamConfig(uri.getHost(), port, user, password, serverId, tls);
    }

    private static Map<String, String> query(String text, String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!KNOWN.contains(key)) {
                throw invalid(text, "unknown parameter " + key + " (known: " + KNOWN + ")", null);
            }
            values.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static long serverId(String text, String value) {
        try {
            long id = Long.parseLong(value);
            if (id < 1 || id > 0xFFFFFFFFL) {
                throw invalid(text, "server-id must be in 1..4294967295", null);
            }
            return id;
        } catch (NumberFormatException e) {
            throw invalid(text, "server-id is not a number: " + value, e);
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static CdcException invalid(String text, String why, Throwable cause) {
        return new CdcException(ErrorCode.UPSTREAM_CONNECTION,
                "invalid upstream URI " + redact(text) + ": " + why, cause);
    }

    private static String redact(String text) {
        return text.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@");
    }
}
