package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the Curator client of one capture: its ZooKeeper session, whose loss ends the capture's registration. */
public final class MetaSession {
    private static final Logger LOG = LoggerFactory.getLogger(MetaSession.class);

    private MetaSession() {
    }

    /**
     * Connects to the ensemble and waits until the session is established.
     *
     * @param sessionTtl how long ZooKeeper keeps the session (and so the capture's registration) after the
     *                   capture stops answering
     * @param connectTimeout how long to wait for the first connection
     */
    public static CuratorFramework open(MetaEndpoint endpoint, Duration sessionTtl, Duration connectTimeout) {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(endpoint.connectString())
                .namespace(endpoint.chroot().substring(1))
                .sessionTimeoutMs((int) sessionTtl.toMillis())
                .connectionTimeoutMs((int) Math.min(connectTimeout.toMillis(), sessionTtl.toMillis()))
                .retryPolicy(new ExponentialBackoffRetry(100, 10, 2_000))
                .build();
        client.start();
        boolean connected;
        try {
            connected = client.blockUntilConnected((int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new CdcException(ErrorCode.META_STORE, "interrupted while connecting to ZooKeeper at " + endpoint.uri());
        }
        if (!connected) {
            client.close();
            throw new CdcException(ErrorCode.META_STORE, "cannot reach ZooKeeper at " + endpoint.uri()
                    + " within " + connectTimeout.toSeconds() + "s: check --meta and that the ensemble is up");
        }
        LOG.info("connected to ZooKeeper at {} (session ttl {}s)", endpoint.uri(), sessionTtl.toSeconds());
        return client;
    }
}
