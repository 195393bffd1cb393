package io.cdc4j.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hides secrets in a sink URI before the API shows it, as TiCDC does: the userinfo password and a
 * {@code sasl-password} query value become {@code xxxxx} (the query is then re-encoded with its keys sorted).
 */
final class SinkUriMasker {
    private static final String MASK = "xxxxx";
    private static final String SASL_PASSWORD = "sasl-password";

    private SinkUriMasker() {
    }

    static String mask(String sinkUri) {
        URI uri;
        try {
            uri = new URI(sinkUri);
        } catch (URISyntaxException e) {
            return sinkUri;
        }
        String masked = sinkUri;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            String user = userInfo.substring(0, userInfo.indexOf(':'));
            masked = masked.replaceFirst(java.util.regex.Pattern.quote(userInfo + "@"),
                    java.util.regex.Matcher.quoteReplacement(user + ":" + MASK + "@"));
        }
        String query = uri.getRawQuery();
        if (query != null && hasSaslPassword(query)) {
            masked = masked.substring(0, masked.indexOf('?') + 1) + sortedMaskedQuery(query)
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        }
        return masked;
    }

    private static boolean hasSaslPassword(String query) {
        for (String pair : query.split("&")) {
            if (decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair).equals(SASL_PASSWORD)) {
                return true;
            }
        }
        return false;
    }

    private static String sortedMaskedQuery(String query) {
        Map<String, java.util.List<String>> params = new TreeMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                    .add(key.equals(SASL_PASSWORD) ? MASK : value);
        }
        StringBuilder out = new StringBuilder();
        params.forEach((key, values) -> values.forEach(value -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(key)).append('=').append(encode(value));
        }));
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
