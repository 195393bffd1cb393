package io.cdc4j.upstream;

/**
 * Told of parts of a transaction's rows, once each, so that it may decode them ahead of the dispatch thread (see
 * {@code io.cdc4j.mounter.Mounter}): as the binlog thread seals them while the buffer is nearly empty, else a few
 * ahead of the part the dispatch thread hands on. It must not block: a part it does not take is
 * decoded by the dispatch thread when it reaches it.
 */
@FunctionalInterface
public interface PartPrefetcher {
    /** Decodes nothing ahead: the dispatch thread decodes every part itself. */
    PartPrefetcher NONE = part -> {
    };

    /** A part to decode ahead; returns at once. */
    void offer(FramedRows part);
}
