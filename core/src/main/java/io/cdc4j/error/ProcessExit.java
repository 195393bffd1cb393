package io.cdc4j.error;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-lived thread does with a throwable that leaves the whole process unusable (the JVM is out of memory
 * or broken): it ends the process, so the capture leaves the cluster and the owner moves its changefeeds to the
 * captures that can still work. Tests record the call instead.
 */
@FunctionalInterface
public interface ProcessExit {
    /** The exit status after a fatal error (EX_SOFTWARE). */
    int STATUS = 70;

    /** Ends the process because of {@code cause}; returns at once, the process ends on its own thread. */
    void exit(Throwable cause);

    /**
     * Whether the throwable leaves the process unusable: a {@link VirtualMachineError} (out of memory, an internal
     * JVM error), except a stack overflow, which unwinds the one thread it happened on and leaves the rest intact.
     */
    static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }

    /**
     * Exits the JVM: its shutdown hooks stop the server gracefully (the capture deregisters); should they hang, the
     * JVM is halted after a grace period, and the capture's ZooKeeper session then expires and takes its registration.
     */
    static ProcessExit system() {
        return SystemExit.INSTANCE;
    }

    /** The one JVM exit, started once however many threads fail. */
    final class SystemExit implements ProcessExit {
        private static final SystemExit INSTANCE = new SystemExit();
        private static final Logger LOG = LoggerFactory.getLogger(ProcessExit.class);
        private static final Duration GRACE = Duration.ofSeconds(30);

        private final AtomicBoolean started = new AtomicBoolean();

        private SystemExit() {
        }

        @Override
        public void exit(Throwable cause) {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            LOG.error("the process exits with status {} after a fatal error: {}", STATUS, cause.toString());
            Thread.ofPlatform().daemon().name("fatal-exit-halt").start(() -> {
                try {
                    Thread.sleep(GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(STATUS);
            });
            Thread.ofPlatform().name("fatal-exit").start(() -> System.exit(STATUS));
        }
    }
}
