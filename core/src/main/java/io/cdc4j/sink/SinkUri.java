package io.cdc4j.sink;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed sink URI, read as Go's URL parser reads it: its lower-cased scheme and its query parameters (first values).
 */
public record SinkUri(String raw, String scheme, Map<String, String> params) {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    public SinkUri {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(scheme, "scheme");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parses a sink URI.
     *
     * @throws CdcException SINK_URI_INVALID when it is not a URI with a scheme
     */
    public static SinkUri parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        Matcher scheme = SCHEME.matcher(raw);
        if (!scheme.find()) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "sink uri invalid '" + raw + "': no scheme");
        }
        if (raw.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "sink uri invalid '" + raw + "': control character or"
                    + " space");
        }
        int question = raw.indexOf('?');
        int hash = raw.indexOf('#');
        String query = question < 0 ? "" : raw.substring(question + 1, hash > question ? hash : raw.length());
        return new SinkUri(raw, scheme.group(1).toLowerCase(Locale.ROOT), queryParams(query));
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "sink uri has a malformed query: " + text, e);
        }
    }
}
