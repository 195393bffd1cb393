package io.cdc4j.sink.mysql;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkProvider;
import io.cdc4j.sink.SinkUri;
import java.util.Set;

/**
 * Provides the MySQL sink to the {@link SinkFactory} for {@code mysql://}, {@code mysql+ssl://}, {@code tidb://} and
 * {@code tidb+ssl://}: checks its URI and reachability, and opens it.
 */
public final class MySqlSinkOpener implements SinkFactory.Opener, SinkProvider {
    @Override
    public Set<String> schemes() {
        return MySqlSinkOptions.SCHEMES;
    }

    @Override
    public SinkFactory.Opener opener() {
        return this;
    }

    @Override
    public Sink open(ChangefeedId changefeed, SinkUri uri, ReplicaConfig config) {
        return MySqlSink.open(changefeed, MySqlSinkOptions.of(uri, config));
    }

    @Override
    public void check(SinkUri uri, ReplicaConfig config) {
        MySqlSinkOptions.of(uri);
    }

    @Override
    public void probe(SinkUri uri, ReplicaConfig config) {
        Downstream.probe(MySqlSinkOptions.of(uri));
    }
}
