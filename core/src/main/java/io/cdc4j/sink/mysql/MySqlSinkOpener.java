package io.cdc4j.sink.mysql;

import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.meta.ChangefeedId;
import io.cdc4j.sink.Sink;
import io.cdc4j.sink.SinkFactory;
import io.cdc4j.sink.SinkUri;

/** Registers the MySQL sink with the {@link SinkFactory}: checks its URI and reachability, and opens it. */
public final class MySqlSinkOpener implements SinkFactory.Opener {
    @Override
    public Sink open(ChangefeedId changefeed, SinkUri uri, ReplicaConfig config) {
        return MySqlSink.open(changefeed, MySqlSinkOptions.of(uri, config));
    }

    @Override
    public void check(SinkUri uri) {
        MySqlSinkOptions.of(uri);
    }

    @Override
    public void probe(SinkUri uri) {
        Downstream.probe(MySqlSinkOptions.of(uri));
    }
}
