package io.cdc4j.upstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ReaderStatusListener} that counts connections and keeps every loss and failure, for tests. */
final class RecordingListener implements ReaderStatusListener {
    private final AtomicInteger connects = new AtomicInteger();
    private final List<Throwable> losses = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Override
    public void onConnected() {
        connects.incrementAndGet();
    }

    @Override
    public void onConnectionLost(Throwable cause, int attempt, Duration retryIn) {
        losses.add(cause);
    }

    @Override
    public void onFailed(Throwable cause) {
        failures.add(cause);
    }

    int connects() {
        return connects.get();
    }

    List<Throwable> losses() {
        return List.copyOf(losses);
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }
}
