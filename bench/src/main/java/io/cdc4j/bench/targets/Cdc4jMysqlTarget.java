package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;

/**
 * cdc4j as a server with a changefeed to {@code mysql://} the bench's downstream MariaDB (its tables created
 * beforehand), rows counted once the MySQL sink has made them durable; done when the checkpoint passes the
 * workload's last commit, then every table's row count is compared with the upstream's.
 */
public final class Cdc4jMysqlTarget implements BenchTarget {
    @Override
    public String name() {
        return "cdc4j-mysql";
    }

    @Override
    public String description() {
        return "cdc4j server, changefeed -> mysql:// (MariaDB)";
    }

    @Override
    public boolean startsAnywhere() {
        return false;
    }

    @Override
    public boolean needsDownstream() {
        return true;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        ChangefeedServer server = ChangefeedServer.start(setup, CountingSink.counting("mysql", arrivals));
        try {
            server.createChangefeed("mysql://root@127.0.0.1:" + setup.span().downstreamPort() + "/", setup.span().startTs(),
                    setup.memoryQuotaBytes());
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return new ChangefeedSession(server, setup, arrivals,
                () -> RowCounts.requireEqual(setup.port(), setup.span().downstreamPort()));
    }
}
