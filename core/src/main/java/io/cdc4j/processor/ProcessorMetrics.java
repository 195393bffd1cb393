package io.cdc4j.processor;

import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.Tso;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Objects;

/**
 * The metrics of the changefeeds a capture runs, tagged with namespace and changefeed: checkpoint and
 * resolved ts, how far the checkpoint lags the wall clock, the rows written to the sink, and the failed starts of
 * their processors. A processor's
 * meters are removed when it stops, so a moved changefeed is reported by the capture that runs it.
 */
public final class ProcessorMetrics {
    private final MeterRegistry registry;

    public ProcessorMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Registers a running processor's meters; closing the result removes them. */
    AutoCloseable track(ChangefeedId changefeed, Processor processor) {
        Tags tags = Tags.of("namespace", changefeed.namespace(), "changefeed", changefeed.id());
        List<Meter> meters = List.of(
                Gauge.builder("cdc4j_changefeed_checkpoint_ts", processor, Processor::checkpointTs)
                        .description("every change with a commit ts up to this one is in the sink").tags(tags)
                        .register(registry),
                Gauge.builder("cdc4j_changefeed_resolved_ts", processor, Processor::resolvedTs)
                        .description("every change with a commit ts up to this one has been read").tags(tags)
                        .register(registry),
                Gauge.builder("cdc4j_changefeed_checkpoint_lag_seconds", processor,
                                p -> Math.max(0, System.currentTimeMillis() - Tso.physical(p.checkpointTs())) / 1000.0)
                        .description("how far the checkpoint is behind the wall clock").tags(tags)
                        .register(registry),
                FunctionCounter.builder("cdc4j_changefeed_sink_rows", processor, Processor::rowsWritten)
                        .description("rows handed to the sink since this capture started the changefeed")
                        .tags(tags).register(registry));
        return () -> meters.forEach(registry::remove);
    }

    /** Counts a processor start that failed (its position could not be published) and is tried again. */
    void startFailed(ChangefeedId changefeed) {
        Counter.builder("cdc4j_changefeed_processor_start_failures")
                .description("processor starts on this capture that failed and are tried again with backoff")
                .tags(Tags.of("namespace", changefeed.namespace(), "changefeed", changefeed.id()))
                .register(registry).increment();
    }
}
