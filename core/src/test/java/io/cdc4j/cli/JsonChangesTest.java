package io.cdc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The diff {@code changefeed update} shows before it asks. */
class JsonChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneLinePerChangedLeafWithPaths() throws Exception {
        var before = JSON.readTree("""
                {"target_ts": 0, "config": {"filter": {"rules": ["*.*"]}, "a": 1, "gone": true}}""");
        var after = JSON.readTree("""
                {"target_ts": 5, "config": {"filter": {"rules": ["db.*"]}, "a": 1, "new": "x"}}""");
        assertThat(JsonChanges.between(before, after)).containsExactly(
                "update config.filter.rules: [\"*.*\"] -> [\"db.*\"]",
                "delete config.gone: true",
                "create config.new: \"x\"",
                "update target_ts: 0 -> 5");
        assertThat(JsonChanges.between(before, before.deepCopy())).isEmpty();
    }
}
