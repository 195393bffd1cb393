package io.cdc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.cli.client.ServerAddress;
import io.cdc4j.error.CdcException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Flag parsing and the failures {@code cdc cli} reports before or without a server. */
class CliOptionsTest {
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void serverAcceptsAUrlOrAHostPortAndRefusesAPath() {
        assertThat(ServerAddress.parse("http://10.0.0.1:8300").toString()).isEqualTo("http://10.0.0.1:8300");
        assertThat(ServerAddress.parse("10.0.0.1:8300").toString()).isEqualTo("http://10.0.0.1:8300");
        assertThat(ServerAddress.parse("https://cdc.example:443/").toString()).isEqualTo("https://cdc.example:443");
        assertThat(ServerAddress.parse("localhost:8300").toString()).isEqualTo("http://localhost:8300");
        assertThatThrownBy(() -> ServerAddress.parse("http://h:8300/api"))
                .isInstanceOf(CdcException.class).hasMessageStartingWith("[CDC:ErrInvalidHost]");
        assertThatThrownBy(() -> ServerAddress.parse("ftp://h:21")).isInstanceOf(CdcException.class);
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheUrlAndExit1() throws Exception {
        int port = closedPort();
        CliRun run = CliRun.of("cli", "changefeed", "list", "--server", "http://127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: cannot connect to the cdc server at http://127.0.0.1:" + port
                + ": connection refused" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void serverMayComeBeforeOrAfterTheSubcommand() throws Exception {
        int port = closedPort();
        CliRun before = CliRun.of("cli", "--server", "127.0.0.1:" + port, "capture", "list");
        assertThat(before.err()).contains("http://127.0.0.1:" + port);
        CliRun after = CliRun.of("cli", "processor", "list", "--server=127.0.0.1:" + port);
        assertThat(after.err()).contains("http://127.0.0.1:" + port);
    }

    @Test
    void pdIsIgnoredWithAWarningAndRefusedTogetherWithServer() throws Exception {
        int port = closedPort();
        CliRun both = CliRun.of("cli", "capture", "list", "--pd", "http://127.0.0.1:2379", "--server",
                "127.0.0.1:" + port);
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).isEqualTo("Error: Parameter --pd is deprecated, please use parameter --server instead. "
                + "These two parameters cannot be specified at the same time." + System.lineSeparator());
        CliRun pdOnly = CliRun.of("cli", "capture", "list", "--pd", "http://127.0.0.1:2379");
        assertThat(pdOnly.err()).startsWith("[WARN] --pd is deprecated and ignored");
    }

    @Test
    void requiredFlagsAndMalformedTsAreUsageErrors() {
        CliRun noId = CliRun.of("cli", "changefeed", "query");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("--changefeed-id");
        CliRun noSink = CliRun.of("cli", "changefeed", "create");
        assertThat(noSink.exitCode()).isEqualTo(2);
        assertThat(noSink.err()).contains("--sink-uri");
        CliRun negative = CliRun.of("cli", "changefeed", "create", "--sink-uri", "blackhole://", "--start-ts", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("'-1' is not a ts");
        CliRun noCapture = CliRun.of("cli", "processor", "query", "-c", "cf");
        assertThat(noCapture.err()).contains("--capture-id");
    }

    @Test
    void overwriteCheckpointTsIsNowOrAPositiveTsNotInTheFuture() {
        assertThat(OverwriteCheckpointTs.parse("now", 1000)).isEqualTo(1000);
        assertThat(OverwriteCheckpointTs.parse("NOW", 1000)).isEqualTo(1000);
        assertThat(OverwriteCheckpointTs.parse("999", 1000)).isEqualTo(999);
        assertThatThrownBy(() -> OverwriteCheckpointTs.parse("0", 1000))
                .hasMessageStartingWith("[CDC:ErrCliInvalidCheckpointTs]invalid overwrite-checkpoint-ts 0");
        assertThatThrownBy(() -> OverwriteCheckpointTs.parse("abc", 1000))
                .hasMessageStartingWith("[CDC:ErrCliInvalidCheckpointTs]");
        assertThatThrownBy(() -> OverwriteCheckpointTs.parse("-5", 1000))
                .hasMessageStartingWith("[CDC:ErrCliInvalidCheckpointTs]");
        assertThatThrownBy(() -> OverwriteCheckpointTs.parse("1001", 1000))
                .hasMessage("[CDC:ErrCliCheckpointTsIsInFuture]"
                        + "the overwrite-checkpoint-ts 1001 must be smaller than current TSO");
    }

    @Test
    void helpListsTheCommands() {
        CliRun help = CliRun.of("cli", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("changefeed", "capture", "processor", "--server");
        CliRun changefeedHelp = CliRun.of("cli", "changefeed", "--help");
        assertThat(changefeedHelp.out()).contains("create", "list", "query", "pause", "resume", "update", "remove");
    }
}
