package io.cdc4j.sink;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.SinkKind;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Opens the sink a URI's scheme names. The schemes this build can write to come from the {@link SinkProvider}s on the
 * class path; tests and the bench replace or add one with {@link #with}.
 */
public final class SinkFactory {
    /** How a sink of one scheme is opened. */
    @FunctionalInterface
    public interface Opener {
        Sink open(ChangefeedId changefeed, SinkUri uri, ReplicaConfig config);

        /**
         * Checks the URI's parameters with the changefeed's (validated) config and, where it makes sense, that the
         * sink can be reached; nothing by default.
         *
         * @throws CdcException with the scheme's code for what is wrong
         */
        default void probe(SinkUri uri, ReplicaConfig config) {
        }

        /**
         * Checks the URI's parameters with the changefeed's (validated) config without reaching the destination, so
         * that a wrong parameter is named before the checks that need the upstream; nothing by default.
         *
         * @throws CdcException with the scheme's code for what is wrong
         */
        default void check(SinkUri uri, ReplicaConfig config) {
        }
    }

    private final Map<String, Opener> openers;

    private SinkFactory(Map<String, Opener> openers) {
        this.openers = Map.copyOf(openers);
    }

    /** The sinks of this build: every {@link SinkProvider} the service loader finds. */
    public static SinkFactory standard() {
        Map<String, Opener> openers = new HashMap<>();
        for (SinkProvider provider : ServiceLoader.load(SinkProvider.class, SinkFactory.class.getClassLoader())) {
            for (String scheme : provider.schemes()) {
                Opener previous = openers.putIfAbsent(scheme, provider.opener());
                if (previous != null) {
                    throw new IllegalStateException("two sink providers for the scheme " + scheme + ": "
                            + provider.getClass().getName() + " and another");
                }
            }
        }
        return new SinkFactory(openers);
    }

    /** The same sinks, with {@code scheme} opened by {@code opener} (a new scheme, or a replacement). */
    public SinkFactory with(String scheme, Opener opener) {
        Map<String, Opener> all = new HashMap<>(openers);
        all.put(scheme, Objects.requireNonNull(opener, "opener"));
        return new SinkFactory(all);
    }

    /**
     * Checks, before a changefeed is created or changed, that the URI names a sink this build can open, and lets
     * that sink check its parameters and reach its destination.
     *
     * @throws CdcException SINK_URI_INVALID for a scheme TiCDC does not know or this build cannot write to yet, or
     *                      the sink's own error
     */
    public void probe(SinkUri uri, ReplicaConfig config) {
        requireScheme(uri).probe(uri, config);
    }

    /**
     * Checks that the URI names a sink this build can open and that its parameters are valid, without connecting.
     *
     * @throws CdcException SINK_URI_INVALID for an unknown or unwritable scheme, or the sink's own error
     */
    public void check(SinkUri uri, ReplicaConfig config) {
        requireScheme(uri).check(uri, config);
    }

    private Opener requireScheme(SinkUri uri) {
        SinkKind.ofScheme(uri.scheme());
        Opener opener = openers.get(uri.scheme());
        if (opener == null) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "the sink scheme (" + uri.scheme()
                    + ") is not supported by this build of cdc4j yet");
        }
        return opener;
    }

    /** Opens the sink for a changefeed. */
    public Sink open(ChangefeedId changefeed, SinkUri uri, ReplicaConfig config) {
        return requireScheme(uri).open(changefeed, uri, config);
    }
}
