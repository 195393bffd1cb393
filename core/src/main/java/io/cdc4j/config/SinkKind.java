package io.cdc4j.config;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Locale;
import java.util.Set;

/** The family of sink a URI scheme selects, which decides the replica-config rules that apply. */
public enum SinkKind {
    MYSQL(Set.of("mysql", "mysql+ssl", "tidb", "tidb+ssl")),
    MQ(Set.of("kafka", "kafka+ssl", "pulsar", "pulsar+ssl", "pulsar+http", "pulsar+https")),
    STORAGE(Set.of("s3", "gcs", "gs", "azure", "azblob", "file", "noop")),
    BLACKHOLE(Set.of("blackhole"));

    private final Set<String> schemes;

    SinkKind(Set<String> schemes) {
        this.schemes = schemes;
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
}
