package io.cdc4j.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a profiled run spent its time, from a JFR recording: CPU samples by thread, hottest methods by own time
 * and by total time (cdc4j's and the binlog library's frames), the heaviest allocations and GC time.
 */
public final class JfrSummary {
    private static final int TOP = 15;

    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Long> selfTime = new HashMap<>();
    private final Map<String, Long> totalTime = new HashMap<>();
    private final Map<String, Long> allocations = new HashMap<>();
    private long samples;
    private long allocatedBytes;
    private long gcCount;
    private Duration gcPause = Duration.ZERO;

    private JfrSummary() {
    }

    /** Reads a recording. */
    public static JfrSummary of(Path recording) throws IOException {
        JfrSummary summary = new JfrSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                summary.add(file.readEvent());
            }
        }
        return summary;
    }

    private void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> executionSample(event);
            case "jdk.ObjectAllocationSample" -> {
                long weight = event.getLong("weight");
                allocatedBytes += weight;
                allocations.merge(allocationSite(event), weight, Long::sum);
            }
            case "jdk.GarbageCollection" -> {
                gcCount++;
                gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
            }
            default -> {
            }
        }
    }

    private void executionSample(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        threads.merge(event.getThread("sampledThread").getJavaName(), 1L, Long::sum);
        List<RecordedFrame> frames = stack.getFrames();
        selfTime.merge(name(frames.getFirst().getMethod()), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (isOurs(method) && seen.add(method)) {
                totalTime.merge(method, 1L, Long::sum);
            }
        }
    }

    private static String allocationSite(RecordedEvent event) {
        String type = event.getClass("objectClass").getName();
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return type;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String method = name(frame.getMethod());
            if (isOurs(method)) {
                return type + " in " + method;
            }
        }
        return type;
    }

    private static boolean isOurs(String method) {
        return method.startsWith("io.cdc4j.") || method.startsWith("com.github.shyiko.");
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** The summary as Markdown. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d CPU samples; %d GCs, %d ms paused; ~%,d MB allocated (sampled)%n%n",
                samples, gcCount, gcPause.toMillis(), allocatedBytes / 1_000_000));
        table(md, "thread", threads, samples, "samples");
        table(md, "method (own time)", selfTime, samples, "samples");
        table(md, "cdc4j / binlog library method (total time)", totalTime, samples, "samples");
        table(md, "allocation (type in first cdc4j/library frame)", allocations, allocatedBytes, "bytes");
        return md.toString();
    }

    private static void table(StringBuilder md, String title, Map<String, Long> counts, long whole, String unit) {
        md.append("| ").append(title).append(" | ").append(unit).append(" | share |\n| --- | ---: | ---: |\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(entry -> md.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f%% |%n", entry.getKey(),
                        entry.getValue(), whole == 0 ? 0 : 100.0 * entry.getValue() / whole)));
        md.append('\n');
    }
}
