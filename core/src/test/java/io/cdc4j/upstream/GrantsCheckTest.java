package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrantsCheckTest {
    @Test
    void allPrivilegesGrantEverything() {
        assertThat(GrantsCheck.missing(List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION")))
                .isEmpty();
    }

    @Test
    void listsWhatIsMissing() {
        assertThat(GrantsCheck.missing(List.of("GRANT USAGE ON *.* TO `cdc`@`%`",
                "GRANT SELECT ON `shop`.* TO `cdc`@`%`")))
                .containsExactly("REPLICATION SLAVE", "REPLICATION CLIENT", "SELECT");
        assertThat(GrantsCheck.missing(List.of(
                "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `cdc`@`%` IDENTIFIED BY PASSWORD '*AB'")))
                .isEmpty();
    }

    @Test
    void mariaDbNamesCount() {
        assertThat(GrantsCheck.missing(List.of("GRANT SELECT, BINLOG MONITOR, REPLICATION REPLICA ON *.* TO `cdc`@`%`")))
                .isEmpty();
        assertThat(GrantsCheck.missing(List.of("GRANT SELECT, REPLICATION SLAVE ON *.* TO `cdc`@`%`")))
                .containsExactly("REPLICATION CLIENT");
    }
}
