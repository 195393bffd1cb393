package io.cdc4j.consumer;

import io.cdc4j.config.SinkProtocol;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.sink.SinkParams;
import io.cdc4j.sink.SinkUri;
import io.cdc4j.sink.kafka.KafkaSasl;
import io.cdc4j.sink.kafka.KafkaSinkOptions;
import io.cdc4j.sink.kafka.KafkaTls;
import io.cdc4j.sink.mysql.MySqlSinkOptions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What {@code cdc kafka-consumer} reads and where it writes, from its {@code --upstream-uri} (a {@code kafka://} URI
 * with TiCDC's consumer parameters) and {@code --downstream-uri} (a MySQL sink URI).
 *
 * @param brokers the bootstrap servers
 * @param topic the topic
 * @param protocol the protocol its messages are in
 * @param groupId the consumer group whose committed offsets a restart resumes from
 * @param partitionNum the partitions expected, 0 for the topic's own count
 * @param maxMessageBytes the largest message fetched
 * @param downstream where the changes are written
 * @param sasl the SASL login to the brokers, when given
 * @param tls the TLS connection to the brokers, when on
 */
public record KafkaConsumerOptions(String brokers, String topic, SinkProtocol protocol, String groupId,
                                   int partitionNum, int maxMessageBytes, MySqlSinkOptions downstream,
                                   Optional<KafkaSasl> sasl, Optional<KafkaTls> tls) {
    private static final Set<String> PARAMETERS = Set.of("protocol", "consumer-group-id", "partition-num",
            "max-message-bytes", "enable-tidb-extension", "version", "sasl-user", "sasl-password", "sasl-mechanism",
            "enable-tls", "ca", "cert", "key");

    /**
     * @throws CdcException SINK_URI_INVALID for a malformed URI or an unknown parameter, SINK_UNKNOWN_PROTOCOL for a
     *                      protocol the consumer does not read, and the MySQL sink's errors for the downstream URI
     */
    public static KafkaConsumerOptions of(String upstreamUri, String downstreamUri) {
        SinkUri upstream = SinkUri.parse(upstreamUri);
        if (!KafkaSinkOptions.SCHEMES.contains(upstream.scheme())) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "--upstream-uri must be a kafka:// URI, not "
                    + upstream.scheme() + "://");
        }
        Map<String, String> params = upstream.params();
        for (String name : params.keySet()) {
            if (name.equals("max-batch-size")) {
                throw new CdcException(ErrorCode.SINK_URI_INVALID, "kafka-consumer parameter max-batch-size is not"
                        + " supported yet: the consumer reads open-protocol batches of any size; remove it");
            }
            if (!PARAMETERS.contains(name)) {
                throw new CdcException(ErrorCode.SINK_URI_INVALID, "unknown kafka-consumer parameter " + name
                        + " (known: " + PARAMETERS.stream().sorted().toList() + ")");
            }
        }
        SinkParams read = new SinkParams("kafka-consumer", params);
        String name = read.text("protocol", Optional.empty()).orElseThrow(() -> new CdcException(
                ErrorCode.SINK_UNKNOWN_PROTOCOL, "--upstream-uri needs the topic's protocol (protocol=canal-json or open-protocol)"));
        SinkProtocol protocol = SinkProtocol.parse(name).orElseThrow(() -> new CdcException(
                ErrorCode.SINK_UNKNOWN_PROTOCOL, "unknown protocol '" + name + "'"));
        ChangeDecoders.require(protocol);
        if (protocol == SinkProtocol.CANAL_JSON && !read.boolParam("enable-tidb-extension", Optional.empty(), false)) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "canal-json is read only with"
                    + " enable-tidb-extension=true: without it messages carry no commit ts and no watermarks, so"
                    + " their order cannot be restored (create the changefeed with it too)");
        }
        String groupId = read.text("consumer-group-id", Optional.empty()).filter(id -> !id.isEmpty())
                .orElseGet(() -> "ticdc_kafka_consumer_" + UUID.randomUUID());
        int partitionNum = read.intParam("partition-num", Optional.empty(), 0, 0, Integer.MAX_VALUE);
        int maxMessageBytes = read.intParam("max-message-bytes", Optional.empty(), Integer.MAX_VALUE, 1,
                Integer.MAX_VALUE);
        MySqlSinkOptions downstream = MySqlSinkOptions.of(SinkUri.parse(downstreamUri));
        Optional<KafkaSasl> sasl = KafkaSasl.of(read.text("sasl-mechanism", Optional.empty()),
                read.text("sasl-user", Optional.empty()), read.text("sasl-password", Optional.empty()));
        Optional<KafkaTls> tls = KafkaTls.of(read.optionalBool("enable-tls", Optional.empty()),
                read.text("ca", Optional.empty()), read.text("cert", Optional.empty()),
                read.text("key", Optional.empty()));
        return new KafkaConsumerOptions(KafkaSinkOptions.brokers(upstream.raw()), KafkaSinkOptions.topic(
                upstream.raw()), protocol, groupId, partitionNum, maxMessageBytes, downstream, sasl, tls);
    }
}
