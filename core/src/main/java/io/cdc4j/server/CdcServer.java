package io.cdc4j.server;

import io.cdc4j.api.ApiContext;
import io.cdc4j.api.ApiServer;
import io.cdc4j.api.TsoClock;
import io.cdc4j.capture.Capture;
import io.cdc4j.capture.CaptureRegistry;
import io.cdc4j.error.ProcessExit;
import io.cdc4j.meta.ChangefeedStore;
import io.cdc4j.meta.EmbeddedZooKeeper;
import io.cdc4j.meta.MetaEndpoint;
import io.cdc4j.meta.MetaKeys;
import io.cdc4j.meta.MetaSession;
import io.cdc4j.meta.SchemaSnapshotStore;
import io.cdc4j.meta.ServerIdStore;
import io.cdc4j.meta.TaskStore;
import io.cdc4j.owner.Owner;
import io.cdc4j.processor.ProcessorManager;
import io.cdc4j.processor.ProcessorMetrics;
import io.cdc4j.schema.SchemaCatalog;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.upstream.UpstreamUri;
import io.cdc4j.version.BuildInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running {@code cdc server}: the embedded ZooKeeper when no ensemble is given, the ZooKeeper session,
 * the capture with its owner role, and the API; stopped gracefully in the reverse order.
 */
public final class CdcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdcServer.class);
    private static final Duration META_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final ServerConfig config;
    private final Capture capture;
    private final ApiServer api;
    private final Optional<EmbeddedZooKeeper> embeddedMeta;
    private final Deque<AutoCloseable> resources;
    private boolean closed;

    private CdcServer(ServerConfig config, Capture capture, ApiServer api, Optional<EmbeddedZooKeeper> embeddedMeta,
                      Deque<AutoCloseable> resources) {
        this.config = config;
        this.capture = capture;
        this.api = api;
        this.embeddedMeta = embeddedMeta;
        this.resources = resources;
    }

    /** Starts every part with the standard options: changefeeds read the binlog of {@code --upstream}. */
    public static CdcServer start(ServerConfig config) {
        return start(config, ServerOptions.forUpstream(config.upstream()));
    }

    /** Starts every part; on failure, whatever was started is stopped again before the error is thrown. */
    public static CdcServer start(ServerConfig config, ServerOptions options) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        SchemaCatalog.parserReady();
        try {
            Files.createDirectories(config.dataDir());
            Optional<EmbeddedZooKeeper> embedded = Optional.empty();
            MetaEndpoint endpoint;
            if (config.meta().isPresent()) {
                endpoint = config.meta().get();
            } else {
                EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(config.metaListen(),
                        config.dataDir().resolve("zookeeper"));
                started.push(zk);
                embedded = Optional.of(zk);
                endpoint = MetaEndpoint.local(zk.hostPort());
            }
            CuratorFramework client = MetaSession.open(endpoint, config.captureSessionTtl(), META_CONNECT_TIMEOUT);
            started.push(client);

            BuildInfo build = BuildInfo.current();
            MetaKeys keys = new MetaKeys(config.clusterId());
            ChangefeedStore changefeeds = new ChangefeedStore(client, keys);
            TaskStore tasks = new TaskStore(client, keys);
            Owner owner = new Owner(changefeeds, tasks, new CaptureRegistry(client, keys), options.owner());
            Capture capture = new Capture(client, keys, config.advertisedAddress(),
                    build.version(), build.gitHash(), options.sources().upstream(),
                    options.sources().sharesTables(), owner, ProcessExit.system());
            SinkFactory sinks = options.sinks();
            PrometheusMeterRegistry metrics = ServerMetrics.create(capture);
            started.push(metrics::close);
            ApiServer api = ApiServer.start(config.addr(), new ApiContext(capture, owner, metrics, build,
                    ProcessHandle.current().pid(), changefeeds, tasks, sinks, TsoClock.system(),
                    config.upstream().map(UpstreamUri::parse)));
            started.push(api);
            capture.start();
            started.push(capture);
            ProcessorManager processors = new ProcessorManager(changefeeds, tasks, capture::id,
                    config.advertisedAddress(), sinks, options.sources().inCluster(new ServerIdStore(client, keys),
                    new SchemaSnapshotStore(client, keys)),
                    options.processorInterval(),
                    new ProcessorMetrics(metrics));
            processors.start();
            started.push(processors);
            LOG.info("cdc server {} started: api {}, meta {}, cluster {}, data dir {}", capture.id(),
                    config.advertisedAddress(), endpoint.uri(), config.clusterId(), config.dataDir());
            return new CdcServer(config, capture, api, embedded, started);
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException("cannot create the data dir " + config.dataDir(), e);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public Capture capture() {
        return capture;
    }

    public ServerConfig config() {
        return config;
    }

    /** Every route the API serves, as {@code METHOD /path}. */
    public List<String> apiRoutes() {
        return api.routes();
    }

    /** The API's port. */
    public int apiPort() {
        return api.port();
    }

    /** The embedded ZooKeeper's {@code host:port}, when this server runs one. */
    public Optional<String> embeddedMetaAddress() {
        return embeddedMeta.map(EmbeddedZooKeeper::hostPort);
    }

    /** Stops gracefully: liveness 1 and ownership given up first, then deregistration, then the rest. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("cdc server {} stopping", capture.id());
        capture.beginStop();
        closeAll(resources);
        LOG.info("cdc server {} stopped", capture.id());
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {} did not close cleanly: {}", resource.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
