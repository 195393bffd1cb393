package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;

/**
 * cdc4j as a server: a changefeed to {@code blackhole://} created through the HTTP API (filters, the sink, the
 * checkpoint), its rows counted by a wrapper around the real blackhole sink; done when the checkpoint passes the
 * workload's last commit.
 */
public final class Cdc4jChangefeedTarget implements BenchTarget {
    @Override
    public String name() {
        return "cdc4j-changefeed";
    }

    @Override
    public String description() {
        return "cdc4j server, changefeed -> blackhole://";
    }

    @Override
    public boolean measuresLag() {
        return true;
    }

    @Override
    public boolean measuresLiveSet() {
        return true;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        return ChangefeedSession.open(setup, arrivals, "blackhole", "blackhole://", () -> { });
    }
}
