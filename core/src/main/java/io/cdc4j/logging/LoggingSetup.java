package io.cdc4j.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Configures a server's logging from its flags: the level, an optional log file, and the JUL bridge. */
public final class LoggingSetup {
    /** The same layout as the console's (see logback.xml). */
    public static final String PATTERN = "[%d{yyyy/MM/dd HH:mm:ss.SSS Z}] [%level] [%logger{0}] %msg%n";

    private LoggingSetup() {
    }

    /**
     * Applies the level and, when {@code logFile} is given, sends every log line to that file instead of the
     * console.
     */
    public static void configure(Level level, Path logFile) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        LogLevels.apply(level);
        if (logFile != null) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(PATTERN);
            encoder.start();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setName("file");
            file.setFile(logFile.toString());
            file.setAppend(true);
            file.setEncoder(encoder);
            file.start();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAndStopAllAppenders();
            root.addAppender(file);
        }
    }
}
