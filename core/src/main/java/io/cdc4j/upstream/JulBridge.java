package io.cdc4j.upstream;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (which the binlog client logs to) into SLF4J, once per JVM. */
final class JulBridge {
    private static boolean installed;

    private JulBridge() {
    }

    static synchronized void install() {
        if (!installed && !SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        installed = true;
    }
}
