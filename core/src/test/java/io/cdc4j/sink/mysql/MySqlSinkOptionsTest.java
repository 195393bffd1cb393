package io.cdc4j.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.ReplicaConfigJson;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.sink.SinkUri;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MySqlSinkOptionsTest {
    private static MySqlSinkOptions of(String uri) {
        return MySqlSinkOptions.of(SinkUri.parse(uri));
    }

    @Test
    void ticdcDefaults() {
        MySqlSinkOptions options = of("mysql://127.0.0.1/");
        assertThat(options.user()).isEqualTo("root");
        assertThat(options.port()).isEqualTo(4000);
        assertThat(options.workerCount()).isEqualTo(16);
        assertThat(options.maxTxnRow()).isEqualTo(256);
        assertThat(options.safeMode()).isFalse();
        assertThat(options.timeZone()).contains(ZoneId.systemDefault());
        assertThat(options.readTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.writeTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.batchDml()).isTrue();
        assertThat(options.multiStatement()).isTrue();
        assertThat(options.cachePreparedStatements()).isTrue();
        assertThat(options.sslCa()).isEmpty();
    }

    @Test
    void everyParameterIsRead() {
        MySqlSinkOptions options = of("tidb+ssl://u%40x:p%3Aw@db.example:3307/ignored?worker-count=4&max-txn-row=10"
                + "&max-multi-update-row=40&max-multi-update-row-size=1024&safe-mode=true&tidb-txn-mode=Optimistic"
                + "&ssl-ca=/ca.pem&ssl-cert=/c.pem&ssl-key=/k.pem&time-zone=%2B08:00&read-timeout=10s"
                + "&write-timeout=1m&timeout=500ms&batch-dml-enable=false&multi-stmt-enable=0&cache-prep-stmts=false"
                + "&has-vector-type=false&transaction-atomicity=none");
        assertThat(options.user()).isEqualTo("u@x");
        assertThat(options.password()).isEqualTo("p:w");
        assertThat(options.host()).isEqualTo("db.example");
        assertThat(options.port()).isEqualTo(3307);
        assertThat(options.workerCount()).isEqualTo(4);
        assertThat(options.maxTxnRow()).isEqualTo(10);
        assertThat(options.safeMode()).isTrue();
        assertThat(options.sslCa()).contains("/ca.pem");
        assertThat(options.sslCert()).contains("/c.pem");
        assertThat(options.sslKey()).contains("/k.pem");
        assertThat(options.timeZone()).contains(ZoneOffset.ofHours(8));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.writeTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.batchDml()).isFalse();
        assertThat(options.multiStatement()).isFalse();
        assertThat(options.cachePreparedStatements()).isFalse();
    }

    @Test
    void limitsClampAndAnEmptyTimeZoneKeepsTheDownstreams() {
        MySqlSinkOptions options = of("mysql://h/?worker-count=5000&max-txn-row=9999&time-zone=&tidb-txn-mode=bogus");
        assertThat(options.workerCount()).isEqualTo(1024);
        assertThat(options.maxTxnRow()).isEqualTo(2048);
        assertThat(options.timeZone()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-multi-update-row=5", "max-multi-update-row=999", "max-multi-update-row-size=100",
            "tidb-txn-mode=pessimistic", "tidb-txn-mode=PESSIMISTIC", "has-vector-type=true",
            "transaction-atomicity=table"})
    void parametersTheSinkDoesNotActOnAreRefusedUnlessAtTheirDefault(String parameter) {
        assertThatThrownBy(() -> of("mysql://root@127.0.0.1:3306/?" + parameter))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                .hasMessageContainingAll("parameter " + parameter.substring(0, parameter.indexOf('=')),
                        "is not supported by cdc4j yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-multi-update-row=40", "max-multi-update-row-size=1024", "tidb-txn-mode=optimistic",
            "has-vector-type=false", "has-vector-type=0", "transaction-atomicity=none", "multi-stmt-enable=false",
            "multi-stmt-enable=true"})
    void theirDefaultsAreAccepted(String parameter) {
        assertThat(of("mysql://root@127.0.0.1:3306/?" + parameter).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aStoredConfigTwinTheSinkDoesNotActOnFailsTheOpenUnlessTheUriOverridesIt() {
        ReplicaConfig config = ReplicaConfigJson.decodeOverDefaults("""
                {"sink": {"transaction_atomicity": "table", "mysql_config": {"max_multi_update_row_size": 10}}}""");

        assertThatThrownBy(() -> MySqlSinkOptions.of(SinkUri.parse("mysql://h/?transaction-atomicity=none"), config))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                .hasMessageContaining("parameter max-multi-update-row-size=10 (TOML [sink.mysql-config]"
                        + " max-multi-update-row-size) is not supported by cdc4j yet");
        assertThatThrownBy(() -> MySqlSinkOptions.of(SinkUri.parse("mysql://h/?max-multi-update-row-size=1024"),
                config)).hasMessageContaining("parameter transaction-atomicity=table");
        assertThat(MySqlSinkOptions.of(SinkUri.parse("mysql://h/?max-multi-update-row-size=1024"
                + "&transaction-atomicity=none"), config).host()).isEqualTo("h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"worker-count=0", "worker-count=x", "max-txn-row=-1", "safe-mode=maybe",
            "read-timeout=10", "timeout=-1s", "time-zone=Mars/Base", "batch-dml-enable=yes", "protocol=canal-json",
            "max-multi-update-row-count=3", "transaction-atomicity=all"})
    void unknownOrMalformedParametersNameTheParameter(String parameter) {
        String name = parameter.substring(0, parameter.indexOf('='));
        assertThatThrownBy(() -> of("mysql://root@127.0.0.1:3306/?" + parameter))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SINK_URI_INVALID))
                .hasMessageContaining(name);
    }

    @Test
    void fixedZonesAreSentAsOffsets() {
        assertThat(Downstream.zoneName(ZoneId.of("UTC"))).isEqualTo("+00:00");
        assertThat(Downstream.zoneName(ZoneId.of("Etc/UTC"))).isEqualTo("+00:00");
        assertThat(Downstream.zoneName(ZoneOffset.ofHoursMinutes(-5, -30))).isEqualTo("-05:30");
        assertThat(Downstream.zoneName(ZoneId.of("Europe/Berlin"))).isEqualTo("Europe/Berlin");
    }
}
