package io.cdc4j.testing;

import static org.awaitility.Awaitility.await;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.ReaderState;
import io.cdc4j.processor.ChangeConsumer;
import io.cdc4j.processor.ChangeSource;
import io.cdc4j.processor.ChangeSourceFactory;
import io.cdc4j.processor.TableScope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test fixture: change sources that deliver only what the test feeds them, so a test decides exactly which rows and
 * resolved ts a changefeed sees, and can check where each run started.
 */
public final class FedChangeSources implements ChangeSourceFactory {
    private final List<FedSource> created = new CopyOnWriteArrayList<>();

    /** One source; the test feeds it through its consumer. */
    public static final class FedSource implements ChangeSource {
        private final ChangefeedId changefeed;
        private volatile ChangeConsumer consumer;
        private volatile long startTs = -1;
        private volatile ReaderState startState;
        private volatile boolean closed;
        private volatile RuntimeException persistFailure;
        private final List<ReaderState> persisted = new CopyOnWriteArrayList<>();

        FedSource(ChangefeedId changefeed) {
            this.changefeed = changefeed;
        }

        @Override
        public void start(long checkpointTs, ReaderState state, ChangeConsumer target) {
            this.startTs = checkpointTs;
            this.startState = state;
            this.consumer = target;
        }

        @Override
        public void persist(ReaderState state) {
            RuntimeException failure = persistFailure;
            if (failure != null) {
                throw failure;
            }
            persisted.add(state);
        }

        /** Makes every {@link #persist} throw {@code failure} (null: succeed again). */
        public void failPersist(RuntimeException failure) {
            persistFailure = failure;
        }

        /** The states persisted, in order. */
        public List<ReaderState> persisted() {
            return List.copyOf(persisted);
        }

        @Override
        public void close() {
            closed = true;
        }

        public ChangefeedId changefeed() {
            return changefeed;
        }

        public long startTs() {
            return startTs;
        }

        public ReaderState startState() {
            return startState;
        }

        public boolean isClosed() {
            return closed;
        }

        /** The consumer, once the processor has started the source. */
        public ChangeConsumer consumer() {
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer != null);
            return consumer;
        }
    }

    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config) {
        FedSource source = new FedSource(changefeed);
        created.add(source);
        return source;
    }

    /** A source for a part of a changefeed: the test feeds it only the rows of that part. */
    @Override
    public ChangeSource create(ChangefeedId changefeed, ReplicaConfig config, TableScope scope) {
        return create(changefeed, config);
    }

    /** Every source created for a changefeed, oldest first. */
    public List<FedSource> sourcesOf(ChangefeedId changefeed) {
        return created.stream().filter(s -> s.changefeed().equals(changefeed)).toList();
    }

    /** The newest open source of a changefeed, waiting for one to exist. */
    public FedSource running(ChangefeedId changefeed) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<FedSource> sources = sourcesOf(changefeed);
            return sources.isEmpty() ? null : sources.getLast();
        }, source -> source != null && !source.isClosed());
    }
}
