package io.cdc4j.bench.targets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.bench.measure.Arrivals;
import io.cdc4j.bench.measure.LagSummary;
import io.cdc4j.bench.measure.MemoryFigures;
import io.cdc4j.bench.measure.MemoryProbe;
import io.cdc4j.bench.upstream.BinlogPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The entry point of a target's own JVM: runs one target once and writes its {@link TargetResult} as JSON.
 * Speaks a two-line protocol with the benchmark: prints {@code READY} once connected, and in lag mode reads
 * {@code EXPECT <rows>} once the writer is done.
 * <p>
 * A {@code memory} run is a cold-start run that also measures the live set with forced full GCs.
 * <p>
 * Arguments: {@code TARGET cold|memory|lag PORT FILE:POS EXPECTED_ROWS QUOTA_BYTES WORK_DIR RESULT_FILE START_TS END_TS
 * DOWNSTREAM_PORT KAFKA_BOOTSTRAP} (the last empty when there is no broker).
 */
public final class TargetMain {
    static final String READY = "READY";
    static final String EXPECT = "EXPECT ";
    private static final Duration COLD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LAG_DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private TargetMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 12) {
            throw new IllegalArgumentException("usage: TARGET cold|memory|lag PORT FILE:POS EXPECTED_ROWS QUOTA_BYTES"
                    + " WORK_DIR RESULT_FILE START_TS END_TS DOWNSTREAM_PORT KAFKA_BOOTSTRAP");
        }
        BenchTarget target = BenchTargets.byName(args[0]);
        String mode = args[1];
        boolean lagMode = switch (mode) {
            case "cold", "memory" -> false;
            case "lag" -> true;
            default -> throw new IllegalArgumentException("mode must be cold, memory or lag: " + mode);
        };
        int colon = args[3].lastIndexOf(':');
        BinlogPoint from = new BinlogPoint(args[3].substring(0, colon), Long.parseLong(args[3].substring(colon + 1)));
        long expected = Long.parseLong(args[4]);
        TargetSetup setup = new TargetSetup(Integer.parseInt(args[2]), from, Long.parseLong(args[5]), Path.of(args[6]),
                new WorkloadSpan(Long.parseLong(args[8]), Long.parseLong(args[9]), Integer.parseInt(args[10]),
                        args[11]));
        TargetResult result = run(target, mode, lagMode, setup, expected);
        new ObjectMapper().writeValue(Path.of(args[7]).toFile(), result);
        System.exit(0);
    }

    private static TargetResult run(BenchTarget target, String mode, boolean lagMode, TargetSetup setup,
                                    long expected) throws Exception {
        MemoryProbe memory = new MemoryProbe(mode.equals("memory"));
        Arrivals arrivals = new Arrivals(lagMode);
        String error = "";
        try (BenchTarget.Session session = target.start(setup, arrivals)) {
            System.out.println(READY);
            System.out.flush();
            if (lagMode) {
                expected = readExpectation();
            }
            arrivals.expect(expected);
            if (!arrivals.await(lagMode ? LAG_DRAIN_TIMEOUT : COLD_TIMEOUT)) {
                error = "timed out with " + arrivals.count() + " of " + expected + " rows";
            } else {
                session.awaitDone(LAG_DRAIN_TIMEOUT);
            }
            if (session.failure() != null) {
                error = session.failure().toString();
            }
        } catch (Exception e) {
            error = e.toString();
        }
        MemoryFigures figures = memory.finish();
        LagSummary lag = lagMode ? arrivals.lagSummary() : LagSummary.NONE;
        long rows = target.replays() && error.isEmpty() ? Math.min(arrivals.count(), expected) : arrivals.count();
        return new TargetResult(target.name(), mode, expected, rows, arrivals.secondsToLastRow(),
                arrivals.secondsToFirstRow(), figures, lag, error);
    }

    private static long readExpectation() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(EXPECT)) {
                return Long.parseLong(line.substring(EXPECT.length()).trim());
            }
        }
        throw new IllegalStateException("the benchmark closed stdin without saying how many rows to expect");
    }
}
