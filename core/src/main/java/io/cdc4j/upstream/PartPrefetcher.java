package io.cdc4j.upstream;

/**
 * Told of each part of a transaction's rows as the binlog thread seals it, so that it may decode the part ahead
 * of the dispatch thread (see {@code io.cdc4j.mounter.Mounter}). It must not block: a part it does not take is
 * decoded by the dispatch thread when it reaches it.
 */
@FunctionalInterface
public interface PartPrefetcher {
    /** Decodes nothing ahead: the dispatch thread decodes every part itself. */
    PartPrefetcher NONE = part -> {
    };

    /** A part just sealed; returns at once. */
    void offer(FramedRows part);
}
