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
    public boolean startsAnywhere() {
        return false;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        ChangefeedServer server = ChangefeedServer.start(setup, CountingSink.counting("blackhole", arrivals));
        try {
            server.createChangefeed("blackhole://", setup.span().startTs(), setup.memoryQuotaBytes());
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return new ChangefeedSession(server, setup, arrivals, () -> { });
    }
}
