package io.cdc4j.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.meta.MetaKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/** The live captures of a cluster: their ephemeral registrations under {@code /<cluster>/capture}. */
public final class CaptureRegistry {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final CuratorFramework client;
    private final MetaKeys keys;

    public CaptureRegistry(CuratorFramework client, MetaKeys keys) {
        this.client = client;
        this.keys = keys;
    }

    /** Registers a capture with an ephemeral node that lives as long as this client's session. */
    public void register(CaptureInfo info) {
        try {
            client.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL)
                    .forPath(keys.capture(info.id()), JSON.writeValueAsBytes(info));
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot register capture " + info.id(), e);
        }
    }

    /** Rewrites a registered capture's information (its liveness, say). */
    public void update(CaptureInfo info) {
        try {
            client.setData().forPath(keys.capture(info.id()), JSON.writeValueAsBytes(info));
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot update capture " + info.id(), e);
        }
    }

    /** Removes a capture's registration; a registration already gone is not an error. */
    public void deregister(String captureId) {
        try {
            client.delete().forPath(keys.capture(captureId));
        } catch (KeeperException.NoNodeException e) {
            // already gone with its session
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot deregister capture " + captureId, e);
        }
    }

    /** Every registered capture, ordered by start time, then id. */
    public List<CaptureInfo> list() {
        List<String> ids;
        try {
            ids = client.getChildren().forPath(keys.captures());
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot list captures", e);
        }
        List<CaptureInfo> captures = new ArrayList<>(ids.size());
        for (String id : ids) {
            get(id).ifPresent(captures::add);
        }
        captures.sort(Comparator.comparing(CaptureInfo::startTime).thenComparing(CaptureInfo::id));
        return captures;
    }

    /** One capture's registration, absent when it is not (or no longer) registered. */
    public Optional<CaptureInfo> get(String captureId) {
        try {
            byte[] data = client.getData().forPath(keys.capture(captureId));
            return Optional.of(decode(data));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw new CdcException(ErrorCode.META_STORE, "cannot read capture " + captureId, e);
        }
    }

    /** Decodes a registration node's data. */
    public static CaptureInfo decode(byte[] data) {
        try {
            return JSON.readValue(data, CaptureInfo.class);
        } catch (IOException e) {
            throw new CdcException(ErrorCode.META_STORE, "a capture registration is not valid JSON", e);
        }
    }
}
