package io.cdc4j.sink.kafka;

import java.util.Collection;

/** The topics a Kafka sink writes to, each with the partitions and message limit it uses. */
interface Topics extends AutoCloseable {
    /** One topic as the sink uses it. */
    record Topic(String name, int partitions, int maxMessageBytes) {
    }

    /**
     * The topic, looked up (and created if missing and allowed) on first use.
     *
     * @throws io.cdc4j.error.CdcException when it cannot be used
     */
    Topic topic(String name);

    /** The topics looked up so far. */
    Collection<Topic> known();

    @Override
    void close();
}
