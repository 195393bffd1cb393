package io.cdc4j.api;

import io.cdc4j.capture.Capture;
import io.cdc4j.owner.Owner;
import io.cdc4j.version.BuildInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/** What the API's handlers reach into: this process's capture and owner role, its metrics, its build. */
public record ApiContext(Capture capture, Owner owner, PrometheusMeterRegistry metrics, BuildInfo build, long pid) {
    public ApiContext {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(build, "build");
    }
}
