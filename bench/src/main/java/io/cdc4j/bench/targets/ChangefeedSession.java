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

    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

    private final ChangefeedServer server;
    private final TargetSetup setup;
    private final Arrivals arrivals;
    private final Check check;

    private ChangefeedSession(ChangefeedServer server, TargetSetup setup, Arrivals arrivals, Check check) {
        this.server = server;
        this.setup = setup;
        this.arrivals = arrivals;
        this.check = check;
    }

    /**
     * Starts the server with {@code scheme}'s sink counting durable rows, and creates the changefeed to
     * {@code sinkUri} from the span's start; in a lag run it is created without a start ts (it starts exactly at the
     * binlog's end, so nothing written before is delivered again), and the session waits until its checkpoint moves
     * past that start ts, which only a running processor reading the binlog does: rows written while the server
     * still opens the changefeed would count its start-up as lag.
     */
    static ChangefeedSession open(TargetSetup setup, Arrivals arrivals, String scheme, String sinkUri, Check check)
            throws Exception {
        return open(setup, arrivals, scheme, sinkUri, check, 1);
    }

    /** As {@link #open(TargetSetup, Arrivals, String, String, Check)}, on a cluster of {@code captures} servers. */
    static ChangefeedSession open(TargetSetup setup, Arrivals arrivals, String scheme, String sinkUri, Check check,
                                  int captures) throws Exception {
        ChangefeedServer server = ChangefeedServer.start(setup, CountingSink.counting(scheme, arrivals), captures);
        try {
            long started = server.createChangefeed(sinkUri, arrivals.measuresLag() ? 0 : setup.span().startTs(),
                    setup.memoryQuotaBytes());
            if (arrivals.measuresLag()) {
                server.awaitCheckpoint(started + 1, RUNNING_TIMEOUT);
            }
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return new ChangefeedSession(server, setup, arrivals, check);
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
