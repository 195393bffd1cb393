package io.cdc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {
    @TempDir
    Path dir;

    private static ServerConfig resolve(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.resolve();
    }

    @Test
    void defaultsAreTiCDCs() {
        ServerConfig config = resolve();
        assertThat(config.addr()).isEqualTo("127.0.0.1:8300");
        assertThat(config.advertiseAddr()).isEqualTo("127.0.0.1:8300");
        assertThat(config.dataDir()).isEqualTo(Path.of("./cdc-data"));
        assertThat(config.meta()).isEmpty();
        assertThat(config.metaListen()).isEqualTo("127.0.0.1:2181");
        assertThat(config.clusterId()).isEqualTo("default");
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.captureSessionTtl()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void flagsWinOverTheConfigFileWhichWinsOverDefaults() throws IOException {
        Path file = dir.resolve("server.toml");
        Files.writeString(file, """
                addr = "127.0.0.1:9300"
                cluster-id = "east"
                meta = "zk://z1:2181,z2:2181/cdc"
                upstream = "mysql://root@127.0.0.1:3306/"
                capture-session-ttl = 4
                log-file = "cdc.log"
                """);
        ServerConfig config = resolve("--config", file.toString(), "--cluster-id", "west");
        assertThat(config.addr()).isEqualTo("127.0.0.1:9300");
        assertThat(config.advertiseAddr()).isEqualTo("127.0.0.1:9300");
        assertThat(config.clusterId()).isEqualTo("west");
        assertThat(config.meta().orElseThrow().uri()).isEqualTo("zk://z1:2181,z2:2181/cdc");
        assertThat(config.upstream()).contains("mysql://root@127.0.0.1:3306/");
        assertThat(config.captureSessionTtl()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.logFile()).contains(Path.of("cdc.log"));
    }

    @Test
    void unknownConfigKeysAreErrorsNamingTheKey() throws IOException {
        Path file = dir.resolve("server.toml");
        Files.writeString(file, "adress = \"127.0.0.1:9300\"\n");
        assertThatThrownBy(() -> resolve("--config", file.toString()))
                .isInstanceOf(CdcException.class).hasMessageContaining("unknown key 'adress'");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        assertThatThrownBy(() -> resolve("--config", dir.resolve("none.toml").toString()))
                .isInstanceOf(CdcException.class).hasMessageContaining("does not exist");
    }

    @Test
    void versionPrintsReleaseAndCommit() {
        String[] lines = VersionCommand.lines();
        assertThat(lines[0]).startsWith("Release Version: v");
        assertThat(lines[1]).startsWith("Git Commit Hash: ");
    }
}
