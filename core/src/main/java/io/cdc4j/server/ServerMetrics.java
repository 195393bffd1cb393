package io.cdc4j.server;

import io.cdc4j.capture.Capture;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus registry of a server: JVM metrics and the capture's own (is owner, captures alive). */
final class ServerMetrics {
    private ServerMetrics() {
    }

    static PrometheusMeterRegistry create(Capture capture) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("cdc4j_capture_is_owner", capture, c -> c.isOwner() ? 1 : 0)
                .description("1 while this capture is the cluster's owner")
                .register(registry);
        Gauge.builder("cdc4j_capture_liveness", capture, c -> c.liveness().code())
                .description("0 while this capture is alive, 1 while it is stopping")
                .register(registry);
        Gauge.builder("cdc4j_captures_alive", capture, ServerMetrics::capturesAlive)
                .description("captures registered in the cluster, as this capture sees them")
                .register(registry);
        return registry;
    }

    /** NaN while ZooKeeper cannot be read, so a scrape still succeeds. */
    private static double capturesAlive(Capture capture) {
        try {
            return capture.registry().list().size();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
