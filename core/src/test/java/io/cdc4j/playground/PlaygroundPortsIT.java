package io.cdc4j.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.testing.FreePorts;
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
        try (ServerSocket taken = listen(FreePorts.next());
             PlaygroundProcess playground = PlaygroundProcess.start(work,
                     "--upstream-port", Integer.toString(FreePorts.next()),
                     "--downstream-port", Integer.toString(FreePorts.next()),
                     "--meta-port", Integer.toString(taken.getLocalPort()),
                     "--api-port", Integer.toString(FreePorts.next()))) {
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
        int upstreamPort = FreePorts.next();
        int downstreamPort = FreePorts.next();
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", upstreamPort, downstreamPort, FreePorts.next(),
                FreePorts.next(), 1, Optional.empty());
        List<String> progress = new ArrayList<>();
        Playground playground = Playground.prepare(config, line -> {
            synchronized (progress) {
                progress.add(line);
            }
        });
        Path dataDir = playground.directory().path();

        try (ServerSocket ignored = listen(downstreamPort)) {
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
        int port = FreePorts.next();
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", port, port, FreePorts.next(), FreePorts.next(), 1,
                Optional.empty());
        assertThatThrownBy(() -> Playground.prepare(config, line -> { }))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("--upstream-port")
                .hasMessageContaining("change --downstream-port");
    }

    @Test
    void aDataDirUnderJavaTmpdirIsRefusedBeforeAnythingStarts() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "cdc4j-playground-refused");
        PlaygroundConfig config = new PlaygroundConfig("127.0.0.1", FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), 1, Optional.of(underTmp));
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
