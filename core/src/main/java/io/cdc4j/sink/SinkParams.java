package io.cdc4j.sink;

import io.cdc4j.config.GoDuration;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a sink URI's parameters one at a time, the URI first, then the parameter's twin in the changefeed's config,
 * as TiCDC merges them; every error names the parameter (SINK_URI_INVALID).
 */
public final class SinkParams {
    private static final Logger LOG = LoggerFactory.getLogger(SinkParams.class);

    private final String sink;
    private final Map<String, String> params;

    /** @param sink the sink's name, as the log and errors call it ("MySQL sink") */
    public SinkParams(String sink, Map<String, String> params) {
        this.sink = sink;
        this.params = Map.copyOf(params);
    }

    /** The parameter's text, or its twin's. */
    public Optional<String> text(String name, Optional<String> twin) {
        return Optional.ofNullable(params.get(name)).or(() -> twin);
    }

    /** A whole number at least {@code min}; one above {@code max} is clamped to it with a warning, as TiCDC does. */
    public int intParam(String name, Optional<Integer> twin, int fallback, int min, int max) {
        int number = parsed(name, Integer::parseInt).or(() -> twin).orElse(fallback);
        if (number < min) {
            throw invalid("parameter " + name + " must be at least " + min + ", got " + number);
        }
        if (number > max) {
            LOG.warn("{}: {}={} is above its limit and is clamped to {}", sink, name, number, max);
            return max;
        }
        return number;
    }

    /** A boolean as Go's strconv.ParseBool reads it (true/false, 1/0, t/f). */
    public boolean boolParam(String name, Optional<Boolean> twin, boolean fallback) {
        return optionalBool(name, twin).orElse(fallback);
    }

    /** A boolean as {@link #boolParam} reads it, absent when neither the parameter nor its twin is given. */
    public Optional<Boolean> optionalBool(String name, Optional<Boolean> twin) {
        return parsed(name, SinkParams::parseBool).or(() -> twin);
    }

    /** A positive Go duration ({@code 10s}, {@code 1m30s}). */
    public Duration duration(String name, Optional<String> twin, Duration fallback) {
        Optional<String> text = text(name, twin);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration value = convert(name, text.get(), GoDuration::parse);
        if (value.isNegative() || value.isZero()) {
            throw invalid("parameter " + name + " must be a positive duration, got '" + text.get() + "'");
        }
        return value;
    }

    /**
     * Refuses a parameter (or its config twin) this sink does not act on yet unless it has its default value.
     *
     * @param tomlKey where a changefeed's TOML file sets the twin; empty when there is none
     * @param effect  what the sink would not do
     */
    public void requireDefault(String name, String tomlKey, Object value, Object fallback, String effect) {
        if (!value.equals(fallback)) {
            String twin = tomlKey.isEmpty() ? "" : " (TOML " + tomlKey + ")";
            throw invalid("parameter " + name + "=" + value + twin + " is not supported by cdc4j yet: " + effect
                    + "; remove it");
        }
    }

    private <T> Optional<T> parsed(String name, Function<String, T> parser) {
        String text = params.get(name);
        return text == null ? Optional.empty() : Optional.of(convert(name, text, parser));
    }

    private static <T> T convert(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "parameter " + name + " has a malformed value '"
                    + text + "'", e);
        }
    }

    private static boolean parseBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "t" -> true;
            case "false", "0", "f" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + text);
        };
    }

    private static CdcException invalid(String message) {
        return new CdcException(ErrorCode.SINK_URI_INVALID, message);
    }
}
