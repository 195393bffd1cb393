package io.cdc4j.bench.targets;

import io.cdc4j.bench.measure.Arrivals;
import java.io.IOException;
import java.time.Duration;

/**
 * A system under test: reads the upstream's binlog from a point and reports every row reaching its sink to
 * {@link Arrivals}. Each run of a target gets a JVM of its own, so its memory figures are its own.
 */
public interface BenchTarget {
    /** The name used on the command line and in the results table. */
    String name();

    /** What the results table says this target is. */
    String description();

    /**
     * Whether it takes part in the lag runs: started at the binlog's end (a changefeed at a ts just before the
     * steady writer's first transaction), it follows the writes and reports each row's lag.
     */
    boolean measuresLag();

    /**
     * Whether it gets a memory run: the cold-start run again, with full GCs forced twice a second to find its live
     * set (its throughput is not reported).
     */
    default boolean measuresLiveSet() {
        return false;
    }

    /** Whether it writes to the downstream MariaDB, which the benchmark then empties before each of its runs. */
    default boolean needsDownstream() {
        return false;
    }

    /** Whether it writes to the Kafka broker, which the benchmark then starts once for the whole run. */
    default boolean needsKafka() {
        return false;
    }

    /**
     * Whether it has a cold-start run in the first round only: the slow targets, writing to the downstream or to
     * Kafka, so that the full run stays under 15 minutes on two cores.
     */
    default boolean firstRoundOnly() {
        return needsDownstream() || needsKafka();
    }

    /**
     * Whether a run may deliver some rows twice (a changefeed that restarts from its checkpoint to spread its tables):
     * its rows are then the workload's, once its own check of the output has passed, not the deliveries counted.
     */
    default boolean replays() {
        return false;
    }

    /** The rows a cold-start run delivers: the binlog's row changes, or for a loader the upstream's final rows. */
    default long expectedRows(long binlogRows, long tableRows) {
        return binlogRows;
    }

    /** Starts reading; returns once connected, while reading goes on in the background until closed. */
    Session start(TargetSetup setup, Arrivals arrivals) throws Exception;

    /** A running target; closing it stops it. */
    interface Session extends AutoCloseable {
        /** An error that stopped the target early, or null. */
        default Throwable failure() {
            return null;
        }

        /**
         * Once every expected row has arrived, waits until the target is done by its own measure (a changefeed's
         * checkpoint passing the workload's end) and checks its output; nothing by default.
         */
        default void awaitDone(Duration timeout) throws Exception {
        }

        @Override
        void close() throws IOException;
    }
}
