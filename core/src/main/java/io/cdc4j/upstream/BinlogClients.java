package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.DefaultSSLSocketFactory;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.cdc4j.upstream.decode.EventDeserializers;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Makes binlog clients configured the way cdc4j reads: our deserializer, ANNOTATE_ROWS, heartbeats, TLS. */
final class BinlogClients {
    private BinlogClients() {
    }

    static BinaryLogClient create(UpstreamConfig config, String file, long position, Duration heartbeat) {
        JulBridge.install();
        BinaryLogClient client = new BinaryLogClient(config.host(), config.port(), config.user(), config.password());
        client.setServerId(config.serverId());
        client.setBinlogFilename(file);
        client.setBinlogPosition(position);
        client.setEventDeserializer(EventDeserializers.create());
        client.setUseSendAnnotateRowsEvent(true);
        client.setKeepAlive(false);
        client.setHeartbeatInterval(heartbeat.toMillis());
        client.setConnectTimeout(5000);
        client.setSSLMode(switch (config.tls().mode()) {
            case "disabled" -> SSLMode.DISABLED;
            case "preferred" -> SSLMode.PREFERRED;
            case "required" -> SSLMode.REQUIRED;
            case "verify-ca" -> SSLMode.VERIFY_CA;
            default -> SSLMode.VERIFY_IDENTITY;
        });
        if (PemTls.hasFiles(config.tls())) {
            client.setSslSocketFactory(new DefaultSSLSocketFactory("TLS") {
                @Override
                protected void initSSLContext(SSLContext context) throws GeneralSecurityException {
                    PemTls.init(context, config.tls());
                }
            });
        }
        return client;
    }
}
