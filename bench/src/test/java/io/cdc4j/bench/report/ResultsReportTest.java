package io.cdc4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cdc4j.bench.measure.LagSummary;
import io.cdc4j.bench.measure.MemoryFigures;
import io.cdc4j.bench.targets.TargetResult;
import io.cdc4j.bench.workload.PhaseResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResultsReportTest {
    private static final long QUOTA = 64L << 20;
    private static final MemoryFigures MEMORY = new MemoryFigures(300L << 20, 240L << 20, 0, 500L << 20);
    private static final MemoryFigures MEASURED = new MemoryFigures(350L << 20, 260L << 20, 40L << 20, 520L << 20);

    private static TargetResult cold(String target, double seconds) {
        return new TargetResult(target, "cold", 1_000_000, 1_000_000, seconds, 0.2, MEMORY, LagSummary.NONE, "");
    }

    private static TargetResult lag(String target, double p99) {
        return new TargetResult(target, "lag", 300_000, 300_000, 30, 0.01, MEMORY,
                new LagSummary(300_000, 4.5, p99, p99 * 2), "");
    }

    private static TargetResult memory(String target, long liveSetMiB) {
        return new TargetResult(target, "memory", 1_000_000, 1_000_000, 3.0, 0.2,
                new MemoryFigures(350L << 20, 260L << 20, liveSetMiB << 20, 520L << 20), LagSummary.NONE, "");
    }

    private static BenchRun run(List<TargetResult> cold, List<TargetResult> lag) {
        return run(cold, List.of(memory("cdc4j", 40), memory("cdc4j-changefeed", 40)), lag);
    }

    private static BenchRun run(List<TargetResult> cold, List<TargetResult> memory, List<TargetResult> lag) {
        return new BenchRun("2026-11-22", "abc1234", "Machine: test", "Workload: test",
                List.of(new PhaseResult("insert", 600_000, 6_000, 2_000_000_000L),
                        new PhaseResult("huge", 400_000, 1, 1_000_000_000L)),
                200_000_000, "10,000 rows/s for 30 s", QUOTA, cold, cold, memory, lag, Optional.empty());
    }

    @Test
    void ratioLinesStandAloneInTheFormatScriptsRead() {
        String md = ResultsReport.render(run(List.of(cold("raw", 1.0), cold("cdc4j", 1.25), cold("debezium", 20.0),
                cold("debezium-json", 25.0)), List.of(lag("raw", 10), lag("cdc4j", 20))));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j/raw: 0\\.80 x$", Pattern.MULTILINE));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j/debezium: 16\\.0 x$", Pattern.MULTILINE));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j/debezium-json: 20\\.0 x$", Pattern.MULTILINE));
    }

    @Test
    void changefeedRatioLinesFollowTheExistingOnesUnchanged() {
        String md = ResultsReport.render(run(List.of(cold("raw", 1.0), cold("cdc4j", 1.25), cold("debezium", 20.0),
                cold("debezium-json", 25.0), cold("cdc4j-changefeed", 2.0), cold("cdc4j-mysql", 10.0),
                cold("insert", 4.0)), List.of()));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j/raw: 0\\.80 x\ncdc4j/debezium: 16\\.0 x\n"
                + "cdc4j/debezium-json: 20\\.0 x\ncdc4j-changefeed/raw: 0\\.50 x\ncdc4j-mysql/insert: 0\\.40 x$",
                Pattern.MULTILINE));
        assertThat(ResultsReport.render(run(List.of(cold("raw", 1.0)), List.of())))
                .containsPattern(Pattern.compile("^cdc4j-mysql/insert: n/a$", Pattern.MULTILINE));
    }

    @Test
    void theTwoCaptureRatioLineSetsTheSharedChangefeedAgainstTheOneOnOneCapture() {
        String md = ResultsReport.render(run(List.of(cold("cdc4j-mysql", 10.0), cold("cdc4j-mysql-2captures", 12.5)),
                List.of()));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j-mysql/insert: n/a\n"
                + "cdc4j-mysql-2captures/cdc4j-mysql: 0\\.80 x$", Pattern.MULTILINE));
    }

    @Test
    void theSummaryTableHasThroughputLagAndMemoryPerSystem() {
        String md = ResultsReport.render(run(List.of(cold("raw", 1.0), cold("cdc4j", 2.0)),
                List.of(lag("cdc4j", 120.5))));
        assertThat(md).contains("| raw | 1,000,000 | 200.0 | 1,250,000 | - | - | 300 | 240 | - | 500 |");
        assertThat(md).contains("| cdc4j | 500,000 | 100.0 | 555,556 | 4.5 | 120.5 | 300 | 240 | 40 | 500 |");
        assertThat(md).contains("| cdc4j | memory | 1,000,000 | 1,000,000 | 3.00 | 0.20 | 333,333 | - | 350 | 260 | 40 | 520 |  |");
        assertThat(md).contains("| **total** | 1,000,000 |");
        assertThat(run(List.of(), List.of()).fileName()).isEqualTo("2026-11-22-abc1234.md");
    }

    @Test
    void missedTargetsAreMarkedAndMissingPeersSayNotAvailable() {
        String md = ResultsReport.render(run(List.of(cold("raw", 1.0), cold("cdc4j", 2.0)),
                List.of(lag("cdc4j", 800))));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j/raw: 0\\.50 x$", Pattern.MULTILINE));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j/debezium: n/a$", Pattern.MULTILINE));
        assertThat(md).contains("| cdc4j >= 1.0x the raw client | 0.50 x | **no** |");
        assertThat(md).contains("| cdc4j lag p99 < 100 ms at the steady rate | 800.0 ms | **no** |");
        assertThat(md).contains("| cdc4j live heap <= memory_quota 64 MiB + 128 MiB | 40 MiB | yes |");
        assertThat(md).contains("| cdc4j-mysql live heap <= memory_quota 64 MiB + 128 MiB | n/a | **no** |");
    }

    @Test
    void everyChangefeedTargetHasItsThroughputLagAndMemoryChecked() {
        TargetResult changefeed = new TargetResult("cdc4j-changefeed", "cold", 1_000_000, 1_000_000, 2.2, 1.2,
                MEMORY, LagSummary.NONE, "");
        String md = ResultsReport.render(run(List.of(cold("raw", 1.1), changefeed, cold("cdc4j-mysql", 10.0),
                cold("insert", 9.0)), List.of(lag("cdc4j-mysql", 99.0))));
        assertThat(md).contains("| cdc4j-changefeed >= 0.8x the raw client from its first row | 0.90 x | yes |");
        assertThat(md).contains("| cdc4j-mysql >= 1.0x the plain INSERT load | 0.90 x | **no** |");
        assertThat(md).contains("| cdc4j-mysql lag p99 < 100 ms at the steady rate | 99.0 ms | yes |");
        assertThat(md).contains("| cdc4j-changefeed live heap <= memory_quota 64 MiB + 128 MiB | 40 MiB | yes |");
    }

    @Test
    void theChangefeedsLagIsCheckedAndShown() {
        String md = ResultsReport.render(run(List.of(cold("raw", 1.0), cold("cdc4j-changefeed", 2.0)),
                List.of(lag("cdc4j-changefeed", 320.5))));
        assertThat(md).contains("| cdc4j-changefeed lag p99 < 100 ms at the steady rate | 320.5 ms | **no** |");
        assertThat(md).contains("| cdc4j-changefeed | 500,000 | 100.0 | 555,556 | 4.5 | 320.5 |");
        assertThat(ResultsReport.render(run(List.of(cold("raw", 1.0)), List.of())))
                .contains("| cdc4j-changefeed lag p99 < 100 ms at the steady rate | n/a | **no** |");
    }

    @Test
    void theLiveHeapTargetIsJudgedOnTheMemoryRunsLiveSetNotOnHeapAfterAYoungGc() {
        String md = ResultsReport.render(run(List.of(cold("raw", 1.0), cold("cdc4j", 2.0), cold("cdc4j-mysql", 9.0)),
                List.of(memory("cdc4j", 100), memory("cdc4j-mysql", 193)), List.of()));
        assertThat(md).contains("| cdc4j live heap <= memory_quota 64 MiB + 128 MiB | 100 MiB | yes |");
        assertThat(md).contains("| cdc4j-mysql live heap <= memory_quota 64 MiB + 128 MiB | 193 MiB | **no** |");
        assertThat(md).contains("| cdc4j-changefeed live heap <= memory_quota 64 MiB + 128 MiB | n/a | **no** |");
        TargetResult unfinished = new TargetResult("cdc4j", "memory", 1_000_000, 5, 3.0, 0.2, MEASURED,
                LagSummary.NONE, "timed out");
        assertThat(new Comparison(List.of(), List.of(), List.of(unfinished), QUOTA).checks())
                .filteredOn(check -> check.goal().startsWith("cdc4j live heap"))
                .singleElement().satisfies(check -> assertThat(check.met()).isFalse());
    }

    @Test
    void theKafkaChangefeedIsSetAgainstTheRawClientWithAJsonEncodeAfterTheOtherRatioLines() {
        String md = ResultsReport.render(run(List.of(cold("raw-json", 2.0), cold("cdc4j-kafka", 5.0)),
                List.of(memory("cdc4j-kafka", 100)), List.of(lag("cdc4j-kafka", 120.0))));
        assertThat(md).containsPattern(Pattern.compile("^cdc4j-mysql-2captures/cdc4j-mysql: n/a\n"
                + "cdc4j-kafka/raw-json: 0\\.40 x$", Pattern.MULTILINE));
        assertThat(md).contains("| cdc4j-kafka >= 0.5x raw-json | 0.40 x | **no** |");
        assertThat(md).contains("| cdc4j-kafka lag p99 < 100 ms at the steady rate | 120.0 ms | **no** |");
        assertThat(md).contains("| cdc4j-kafka live heap <= memory_quota 64 MiB + 128 MiB | 100 MiB | yes |");
        assertThat(md).contains("| cdc4j-kafka | 200,000 | 40.0 | 208,333 | 4.5 | 120.0 | 300 | 240 | 100 | 500 |");
        Comparison met = new Comparison(List.of(cold("raw-json", 2.0), cold("cdc4j-kafka", 3.0)),
                List.of(lag("cdc4j-kafka", 99.0)), List.of(), QUOTA);
        assertThat(met.kafkaOverRawJson()).hasValueCloseTo(0.667, within(0.001));
        assertThat(met.checks()).filteredOn(check -> check.goal().startsWith("cdc4j-kafka "))
                .extracting(Check::met).containsExactly(true, true, false);
        assertThat(ResultsReport.render(run(List.of(cold("cdc4j-kafka", 5.0)), List.of())))
                .contains("| cdc4j-kafka >= 0.5x raw-json | n/a | **no** |");
    }

    @Test
    void anIncompleteRunGivesNoRatio() {
        TargetResult partial = new TargetResult("cdc4j", "cold", 1_000_000, 10, 1.0, 0.1, MEMORY, LagSummary.NONE,
                "timed out");
        Comparison comparison = new Comparison(List.of(cold("raw", 1.0), partial), List.of(), List.of(), QUOTA);
        assertThat(comparison.ratioLines()).first().isEqualTo("cdc4j/raw: n/a");
        assertThat(comparison.throughputShort()).isTrue();
    }
}
