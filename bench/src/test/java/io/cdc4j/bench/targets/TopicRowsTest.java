package io.cdc4j.bench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopicRowsTest {
    private static String type(String json) throws IOException {
        return TopicRows.type(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTypeIsTheTopLevelFieldOfACanalJsonMessage() throws IOException {
        assertThat(type("{\"id\":0,\"database\":\"bench\",\"table\":\"sbtest1\",\"pkNames\":[\"id\"],\"isDdl\":false,"
                + "\"type\":\"INSERT\",\"es\":1,\"ts\":2,\"sql\":\"\",\"data\":[{\"id\":\"1\"}]}")).isEqualTo("INSERT");
        assertThat(type("{\"id\":0,\"database\":\"\",\"table\":\"\",\"pkNames\":null,\"isDdl\":false,"
                + "\"type\":\"TIDB_WATERMARK\",\"es\":1,\"_tidb\":{\"watermarkTs\":5}}")).isEqualTo("TIDB_WATERMARK");
    }

    @Test
    void aTypeInsideANestedValueDoesNotCountAndAMessageWithoutOneHasNone() throws IOException {
        assertThat(type("{\"old\":[{\"type\":\"INSERT\"}],\"sqlType\":{\"type\":\"X\"},\"type\":\"DELETE\"}"))
                .isEqualTo("DELETE");
        assertThat(type("{\"old\":[{\"type\":\"INSERT\"}]}")).isEmpty();
        assertThat(type("[\"type\",\"INSERT\"]")).isEmpty();
    }
}
