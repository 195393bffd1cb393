package io.cdc4j.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogLevelsTest {
    @ParameterizedTest
    @CsvSource({"debug,DEBUG", "info,INFO", "'',INFO", "warn,WARN", "error,ERROR", "dpanic,ERROR", "panic,ERROR",
        "fatal,ERROR", "DEBUG,DEBUG", "Warn,WARN"})
    void mapsZapNames(String zap, String logback) {
        assertThat(LogLevels.parse(zap)).contains(Level.toLevel(logback));
    }

    @ParameterizedTest
    @ValueSource(strings = {"warning", "trace", "verbose", " info", "0"})
    void rejectsNamesZapDoesNotKnow(String name) {
        assertThat(LogLevels.parse(name)).isEmpty();
    }
}
