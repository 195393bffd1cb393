package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import java.time.Duration;

/** A running changefeed target: done once the checkpoint passes the workload's end, then checks its output. */
final class ChangefeedSession implements BenchTarget.Session {
    /** What is checked once the changefeed is done; throws when the output is wrong. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private final ChangefeedServer server;
    private final TargetSetup setup;
    private final Arrivals arrivals;
    private final Check check;

    ChangefeedSession(ChangefeedServer server, TargetSetup setup, Arrivals arrivals, Check check) {
        this.server = server;
        this.setup = setup;
        this.arrivals = arrivals;
        this.check = check;
    }

    @Override
    public void awaitDone(Duration timeout) throws Exception {
        server.awaitCheckpoint(setup.span().endTs(), timeout);
        arrivals.finished();
        check.run();
    }

    @Override
    public void close() {
        server.close();
    }
}
