package io.cdc4j.api;

import io.cdc4j.capture.Capture;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.owner.Owner;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.upstream.UpstreamConfig;
import io.cdc4j.version.BuildInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API's handlers reach into: this process's capture and owner role, its metrics, its build, the changefeed
 * and task stores, the sinks it can open, its TSO clock, and the upstream whose tables changefeeds replicate
 * (absent when the server has no {@code --upstream}).
 */
public record ApiContext(Capture capture, Owner owner, PrometheusMeterRegistry metrics, BuildInfo build, long pid,
                         ChangefeedStore changefeeds, TaskStore tasks, SinkFactory sinks, TsoClock tso,
                         Optional<UpstreamConfig> upstream) {
    public ApiContext {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(changefeeds, "changefeeds");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(sinks, "sinks");
        Objects.requireNonNull(tso, "tso");
        Objects.requireNonNull(upstream, "upstream");
    }
}
