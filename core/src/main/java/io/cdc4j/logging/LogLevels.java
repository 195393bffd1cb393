package io.cdc4j.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * TiCDC's log levels (zap's names: debug, info, warn, error, dpanic, panic, fatal; "" is info) mapped
 * onto Logback, and the one place that changes the running process's level.
 */
public final class LogLevels {
    private LogLevels() {
    }

    /** The Logback level for a zap level name (case-insensitive), absent for a name zap does not know. */
    public static Optional<Level> parse(String zapName) {
        if (zapName == null) {
            return Optional.empty();
        }
        return switch (zapName.toLowerCase(Locale.ROOT)) {
            case "", "info" -> Optional.of(Level.INFO);
            case "debug" -> Optional.of(Level.DEBUG);
            case "warn" -> Optional.of(Level.WARN);
            case "error", "dpanic", "panic", "fatal" -> Optional.of(Level.ERROR);
            default -> Optional.empty();
        };
    }

    /** Sets the level of every logger of this process. */
    public static void apply(Level level) {
        root().setLevel(level);
    }

    /** The level in force now. */
    public static Level current() {
        return root().getLevel();
    }

    private static Logger root() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
