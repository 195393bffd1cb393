package io.cdc4j.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful stop that exits with status 0 (the JVM's own handling would
 * run the shutdown hooks but exit with 143).
 */
final class GracefulSignals {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulSignals.class);

    private GracefulSignals() {
    }

    static void onTerminate(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("graceful-stop").start(() -> {
                    LOG.info("received SIG{}, stopping gracefully", signal.getName());
                    stop.run();
                    System.exit(0);
                }));
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{} here; the JVM's default applies", name);
            }
        }
    }
}
