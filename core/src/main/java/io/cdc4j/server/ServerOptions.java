package io.cdc4j.server;

import io.cdc4j.owner.OwnerSettings;
import io.cdc4j.processor.ChangeSourceFactory;
import io.cdc4j.processor.NoUpstreamReader;
import java.time.Duration;
import java.util.Objects;

/**
 * The parts of a server that are not flags: where changefeeds read changes from, the owner's timings, and how often
 * a capture follows its placements. Tests pass their own; the command line uses {@link #standard()}.
 */
public record ServerOptions(ChangeSourceFactory sources, OwnerSettings owner, Duration processorInterval) {
    private static final Duration OWNER_TICK = Duration.ofMillis(100);
    private static final Duration PROCESSOR_INTERVAL = Duration.ofMillis(100);

    public ServerOptions {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(processorInterval, "processorInterval");
        if (processorInterval.isNegative() || processorInterval.isZero()) {
            throw new IllegalArgumentException("processor interval must be positive: " + processorInterval);
        }
    }

    /** What {@code cdc server} runs with. */
    public static ServerOptions standard() {
        return new ServerOptions(new NoUpstreamReader(), OwnerSettings.standard(OWNER_TICK), PROCESSOR_INTERVAL);
    }

    /** The same options reading changes from {@code newSources}. */
    public ServerOptions withSources(ChangeSourceFactory newSources) {
        return new ServerOptions(newSources, owner, processorInterval);
    }

    /** The same options with other owner timings. */
    public ServerOptions withOwner(OwnerSettings newOwner) {
        return new ServerOptions(sources, newOwner, processorInterval);
    }
}
