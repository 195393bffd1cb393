package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;

/**
 * cdc4j as a server with a changefeed to {@code mysql://} the bench's downstream MariaDB (its tables created
 * beforehand), rows counted once the MySQL sink has made them durable; done when the checkpoint passes the
 * workload's last commit, then every table's row count is compared with the upstream's (not in a lag run, whose
 * changefeed starts after the workload: there the rows the sink made durable are the measure). With more than one
 * capture the changefeed's tables are spread over a cluster of servers in the target's JVM, each reading the binlog;
 * its figure includes the restart that spreads them (the rows replayed after it are delivered twice; its rows are the
 * workload's once the downstream's row counts match the upstream's).
 */
public final class Cdc4jMysqlTarget implements BenchTarget {
    private final int captures;

    /** The changefeed on one capture ({@code cdc4j-mysql}), or spread over {@code captures} of them. */
    public Cdc4jMysqlTarget(int captures) {
        if (captures < 1) {
            throw new IllegalArgumentException("captures must be at least 1, got " + captures);
        }
        this.captures = captures;
    }

    @Override
    public String name() {
        return captures == 1 ? "cdc4j-mysql" : "cdc4j-mysql-" + captures + "captures";
    }

    @Override
    public String description() {
        return captures == 1 ? "cdc4j server, changefeed -> mysql:// (MariaDB)"
                : captures + " cdc servers sharing the changefeed's tables -> mysql:// (MariaDB)";
    }

    @Override
    public boolean measuresLag() {
        return captures == 1;
    }

    @Override
    public boolean measuresLiveSet() {
        return captures == 1;
    }

    @Override
    public boolean replays() {
        return captures > 1;
    }

    @Override
    public boolean needsDownstream() {
        return true;
    }

    @Override
    public Session start(TargetSetup setup, Arrivals arrivals) throws Exception {
        String sinkUri = "mysql://root@127.0.0.1:" + setup.span().downstreamPort() + "/";
        ChangefeedSession.Check check = arrivals.measuresLag() ? () -> { }
                : () -> RowCounts.requireEqual(setup.port(), setup.span().downstreamPort());
        return ChangefeedSession.open(setup, arrivals, "mysql", sinkUri, check, captures);
    }
}
