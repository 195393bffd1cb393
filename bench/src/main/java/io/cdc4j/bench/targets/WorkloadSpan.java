package io.cdc4j.bench.targets;

import java.util.Objects;

/**
 * What changefeed and loader targets need beyond the binlog point. A lag run's span starts just before the
 * steady writer's first transaction and ends there too: its end is the rows it is told to expect.
 *
 * @param startTs a ts just before the workload's (or the steady writer's) first transaction
 * @param endTs a ts at or after the workload's last commit (a lag run: its start)
 * @param downstreamPort the downstream MariaDB's port on 127.0.0.1, 0 when there is none
 * @param kafkaBootstrap the Kafka broker's {@code host:port}, empty when there is none
 */
public record WorkloadSpan(long startTs, long endTs, int downstreamPort, String kafkaBootstrap) {
    public WorkloadSpan {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
    }

    /** A lag run's span: starting and ending at {@code ts}, with the same downstream and broker. */
    public WorkloadSpan at(long ts) {
        return new WorkloadSpan(ts, ts, downstreamPort, kafkaBootstrap);
    }
}
