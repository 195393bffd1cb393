package io.cdc4j.sink;

import java.util.Set;

/**
 * One kind of sink, found by {@link SinkFactory#standard()} through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.cdc4j.sink.SinkProvider}), so that a new sink is added without editing another.
 */
public interface SinkProvider {
    /** The URI schemes this kind of sink is opened for. */
    Set<String> schemes();

    /** How its sinks are checked, probed and opened. */
    SinkFactory.Opener opener();
}
