package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that is already taken stops the playground early, names the flag to change, and leaves nothing running. */
class PlaygroundPortsIT {
    @TempDir
    Path work;

    @Test
    void aTakenPortFailsFastNamingItsFlag() throws IOException {
        int[] ports = TestPorts.distinct(4);
        try (ServerSocket taken = listen(ports[2]);
             PlaygroundProcess playground = PlaygroundProcess.start(work,
                     "--upstream-port", Integer.toString(ports[0]),
                     "--downstream-port", Integer.toString(ports[1]),
                     "--meta-port", Integer.toString(taken.getLocalPort()),
                     "--api-port", Integer.toString(ports[3]))) {
            assertThat(playground.awaitExit(30)).isEqualTo(1);
            assertThat(playground.output())
                    .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("choose another port with --meta-port")
                    .doesNotContain("starting upstream MariaDB");
            assertThat(playground.dataDir()).as("nothing was created").isEmpty();
        }
    }

    @Test
    void aPortTakenAfterTheCheckStopsWhatHadStarted() throws IOException {
        int[] ports = TestPorts.distinct(4);
        int upstreamPort = ports[0];
        int downstreamPort = ports[1];
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", upstreamPort, downstreamPort, ports[2], ports[3],
                1, Optional.empty());
        List<String> progress = new ArrayList<>();
        Playground playground = Playground.prepare(config, line -> {
            synchronized (progress) {
                progress.add(line);
            }
        });
        Path dataDir = playground.directory().path();

        try (ServerSocket taken = listen(downstreamPort)) {
            assertThat(taken.getLocalPort()).isEqualTo(downstreamPort);
            assertThatThrownBy(playground::start)
                    .isInstanceOf(PlaygroundException.class)
                    .hasMessageContaining("downstream MariaDB")
                    .hasMessageContaining("change --downstream-port");
        }
        assertThat(progress).contains("stopped upstream MariaDB on " + upstreamPort,
                "removed the data dir " + dataDir);
        assertThat(dataDir).doesNotExist();
        try (ServerSocket free = listen(upstreamPort)) {
            assertThat(free.isBound()).as("the upstream MariaDB released its port").isTrue();
        }
    }

    @Test
    void twoFlagsWithTheSamePortAreRefused() {
        int[] ports = TestPorts.distinct(3);
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", ports[0], ports[0], ports[1], ports[2], 1,
                Optional.empty());
        assertThatThrownBy(() -> Playground.prepare(config, line -> { }))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("--upstream-port")
                .hasMessageContaining("change --downstream-port");
    }

    @Test
    void aDataDirUnderJavaTmpdirIsRefusedBeforeAnythingStarts() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "cdc4j-playground-refused");
        int[] ports = TestPorts.distinct(4);
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", ports[0], ports[1], ports[2], ports[3], 1,
                Optional.of(underTmp));
        assertThatThrownBy(() -> Playground.prepare(config, line -> { }))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("--data-dir " + underTmp)
                .hasMessageContaining("java.io.tmpdir");
        assertThat(underTmp).doesNotExist();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
