package io.cdc4j.bench.targets;

/**
 * What changefeed and loader targets need beyond the binlog point.
 *
 * @param startTs a ts just before the workload's first transaction
 * @param endTs a ts at or after the workload's last commit
 * @param downstreamPort the downstream MariaDB's port on 127.0.0.1, 0 when there is none
 */
public record WorkloadSpan(long startTs, long endTs, int downstreamPort) {
}
