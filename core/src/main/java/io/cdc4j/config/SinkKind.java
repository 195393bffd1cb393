package io.cdc4j.config;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The family of sink a URI scheme selects, which decides the replica-config rules that apply. */
public enum SinkKind {
    MYSQL(Set.of("mysql", "mysql+ssl", "tidb", "tidb+ssl"), Set.of("mysql", "mysql+ssl", "tidb", "tidb+ssl")),
    MQ(Set.of("kafka", "kafka+ssl", "pulsar", "pulsar+ssl", "pulsar+http", "pulsar+https"),
            Set.of("kafka", "kafka+ssl")),
    STORAGE(Set.of("s3", "gcs", "gs", "azure", "azblob", "file", "noop"), Set.of()),
    BLACKHOLE(Set.of("blackhole"), Set.of("blackhole"));

    private final Set<String> schemes;
    private final Set<String> writable;

    SinkKind(Set<String> schemes, Set<String> writable) {
        this.schemes = schemes;
        this.writable = writable;
    }

    /**
     * The kind of sink for a URI scheme (case-insensitive).
     *
     * @throws CdcException {@code SINK_URI_INVALID} for an unknown scheme
     */
    public static SinkKind ofScheme(String scheme) {
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        for (SinkKind kind : values()) {
            if (kind.schemes.contains(lower)) {
                return kind;
            }
        }
        throw new CdcException(ErrorCode.SINK_URI_INVALID, "the sink scheme (" + scheme + ") is not supported");
    }

    /**
     * The kind of sink for a URI scheme that cdc4j can write to today; the first check of a changefeed's settings, so
     * that a scheme TiCDC knows but cdc4j cannot serve is named before anything that scheme would require.
     *
     * @throws CdcException {@code SINK_URI_INVALID} for an unknown scheme, or one whose sink cdc4j has not yet
     */
    public static SinkKind writableOfScheme(String scheme) {
        SinkKind kind = ofScheme(scheme);
        if (!kind.writable.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "the sink scheme (" + scheme
                    + ") is not supported by cdc4j yet; cdc4j writes to " + writableSchemes());
        }
        return kind;
    }

    /**
     * Whether a changefeed writing to this kind of sink may have its tables spread over captures. A message queue's
     * consumers trust each partition's watermarks to mean that nothing older follows, which only holds while one
     * capture writes every table; so a message-queue changefeed runs whole on one capture.
     */
    public boolean spreadsTables() {
        return this != MQ;
    }

    /** The kind of sink of a sink URI (its scheme before {@code ://}); MYSQL when it has none that is known. */
    public static SinkKind ofSinkUri(String sinkUri) {
        int end = sinkUri == null ? -1 : sinkUri.indexOf("://");
        try {
            return end > 0 ? ofScheme(sinkUri.substring(0, end)) : MYSQL;
        } catch (CdcException e) {
            return MYSQL;
        }
    }

    private static String writableSchemes() {
        return Arrays.stream(values()).flatMap(kind -> kind.writable.stream())
                .sorted().map(s -> s + "://").collect(Collectors.joining(", "));
    }
}
