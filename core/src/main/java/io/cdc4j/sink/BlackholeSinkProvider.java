package io.cdc4j.sink;

import java.util.Set;

/** Provides {@code blackhole://}, the sink that takes everything and keeps nothing. */
public final class BlackholeSinkProvider implements SinkProvider {
    @Override
    public Set<String> schemes() {
        return Set.of("blackhole");
    }

    @Override
    public SinkFactory.Opener opener() {
        return (changefeed, uri, config) -> new BlackholeSink(changefeed);
    }
}
