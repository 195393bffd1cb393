package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** The server's answers that end a binlog reader, and the failures a reconnect may cure. */
class BinlogFailureTest {
    @Test
    void purgedFilesAndMissingGtidsAreAGoneBinlog() {
        assertThat(BinlogFailure.of(1236, "Could not find first log file name in binary log index file"))
                .isEqualTo(BinlogFailure.BINLOG_GONE);
        assertThat(BinlogFailure.of(1236, "The slave is connecting using CHANGE MASTER TO MASTER_AUTO_POSITION = 1,"
                + " but the master has purged binary logs containing GTIDs that the slave requires."))
                .isEqualTo(BinlogFailure.BINLOG_GONE);
        assertThat(BinlogFailure.of(1236, "Error: connecting slave requested to start from GTID 0-1-50, which is"
                + " not in the master's binlog")).isEqualTo(BinlogFailure.BINLOG_GONE);
        assertThat(BinlogFailure.of(1236, "Client requested master to start replication from position > file size"))
                .isEqualTo(BinlogFailure.BINLOG_GONE);
    }

    @Test
    void aSameServerIdAnswerIsAClashWhateverItsCode() {
        String text = "A slave with the same server_uuid/server_id as this slave has connected to the master;"
                + " the first event 'binlog.000001' at 4";
        assertThat(BinlogFailure.of(1236, text)).isEqualTo(BinlogFailure.SERVER_ID_CLASH);
        assertThat(BinlogFailure.of(4052, text)).isEqualTo(BinlogFailure.SERVER_ID_CLASH);
    }

    @Test
    void eventsTheServerCannotSendAreUnreadable() {
        assertThat(BinlogFailure.of(1236, "log event entry exceeded max_allowed_packet; Increase max_allowed_packet"
                + " on master")).isEqualTo(BinlogFailure.BINLOG_UNREADABLE);
        assertThat(BinlogFailure.of(1236, "binlog truncated in the middle of event; consider out of disk space on"
                + " master")).isEqualTo(BinlogFailure.BINLOG_UNREADABLE);
    }

    @Test
    void refusedCredentialsAndGrantsGoToTheOwnersBackoff() {
        assertThat(BinlogFailure.of(1045, "Access denied for user 'cdc'@'localhost' (using password: YES)"))
                .isEqualTo(BinlogFailure.ACCESS_DENIED);
        assertThat(BinlogFailure.of(1227, "Access denied; you need (at least one of) the REPLICATION SLAVE"
                + " privilege(s) for this operation")).isEqualTo(BinlogFailure.ACCESS_DENIED);
        assertThat(BinlogFailure.of(new AuthenticationException("Access denied", 1045, "28000")))
                .isEqualTo(BinlogFailure.ACCESS_DENIED);
    }

    @Test
    void networkTroubleAndServerRestartsAreRetried() {
        assertThat(BinlogFailure.of(new EOFException())).isEqualTo(BinlogFailure.TRANSIENT);
        assertThat(BinlogFailure.of(new IOException("Failed to connect", new SocketException("Connection refused"))))
                .isEqualTo(BinlogFailure.TRANSIENT);
        assertThat(BinlogFailure.of(1053, "Server shutdown in progress")).isEqualTo(BinlogFailure.TRANSIENT);
        assertThat(BinlogFailure.of(1040, "Too many connections")).isEqualTo(BinlogFailure.TRANSIENT);
        assertThat(BinlogFailure.of(1927, "Connection was killed")).isEqualTo(BinlogFailure.TRANSIENT);
    }

    @Test
    void theServersErrorIsFoundUnderWrappers() {
        IOException wrapped = new IOException("stream failed",
                new ServerException("Could not find first log file name in binary log index file", 1236, "HY000"));
        assertThat(BinlogFailure.of(wrapped)).isEqualTo(BinlogFailure.BINLOG_GONE);
    }
}
