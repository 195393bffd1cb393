package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;

/**
 * cdc4j as a server with a changefeed to {@code mysql://} the bench's downstream MariaDB (its tables created
 * beforehand), rows counted once the MySQL sink has made them durable; done when the checkpoint passes the
 * workload's last commit, then every table's row count is compared with the upstream's (not in a lag run, whose
 * changefeed starts after the workload: there the rows the sink made durable are the measure).
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
    public boolean measuresLag() {
        return true;
    }

    @Override
    public boolean measuresLiveSet() {
        return true;
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
        return ChangefeedSession.open(setup, arrivals, "mysql", sinkUri, check);
    }
}
