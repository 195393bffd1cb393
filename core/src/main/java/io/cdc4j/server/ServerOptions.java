package io.cdc4j.server;

import io.cdc4j.owner.OwnerSettings;
import io.cdc4j.processor.BinlogChangeSources;
import io.cdc4j.processor.ChangeSourceFactory;
import io.cdc4j.processor.NoUpstreamReader;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.upstream.UpstreamUri;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a server that are not flags: where changefeeds read changes from and write them to, the owner's
 * timings, and how often a capture follows its placements. Tests pass their own; the command line uses
 * {@link #forUpstream}.
 */
public record ServerOptions(ChangeSourceFactory sources, SinkFactory sinks, OwnerSettings owner,
                            Duration processorInterval) {
    private static final Duration OWNER_TICK = Duration.ofMillis(100);
    private static final Duration PROCESSOR_INTERVAL = Duration.ofMillis(100);

    public ServerOptions {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(sinks, "sinks");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(processorInterval, "processorInterval");
        if (processorInterval.isNegative() || processorInterval.isZero()) {
            throw new IllegalArgumentException("processor interval must be positive: " + processorInterval);
        }
    }

    /** What {@code cdc server} runs with. */
    public static ServerOptions standard() {
        return new ServerOptions(new NoUpstreamReader(), SinkFactory.standard(), OwnerSettings.standard(OWNER_TICK),
                PROCESSOR_INTERVAL);
    }

    /**
     * What {@code cdc server} runs with: changefeeds read the binlog of the {@code --upstream} URI; without one
     * they fail with a clear error (and are retried) rather than pretend to replicate.
     */
    public static ServerOptions forUpstream(Optional<String> upstreamUri) {
        return upstreamUri.map(uri -> standard().withSources(new BinlogChangeSources(UpstreamUri.parse(uri))))
                .orElseGet(ServerOptions::standard);
    }

    /** The same options reading changes from {@code newSources}. */
    public ServerOptions withSources(ChangeSourceFactory newSources) {
        return new ServerOptions(newSources, sinks, owner, processorInterval);
    }

    /** The same options writing to {@code newSinks}. */
    public ServerOptions withSinks(SinkFactory newSinks) {
        return new ServerOptions(sources, newSinks, owner, processorInterval);
    }

    /** The same options with other owner timings. */
    public ServerOptions withOwner(OwnerSettings newOwner) {
        return new ServerOptions(sources, sinks, newOwner, processorInterval);
    }
}
