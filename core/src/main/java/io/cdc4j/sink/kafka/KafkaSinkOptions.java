package io.cdc4j.sink.kafka;

import io.cdc4j.codec.CodecOptions;
import io.cdc4j.codec.MessageEncoders;
import io.cdc4j.config.CodecConfig;
import io.cdc4j.config.KafkaConfig;
import io.cdc4j.config.LargeMessageHandleConfig;
import io.cdc4j.config.OpenProtocolConfig;
import io.cdc4j.config.ReplicaConfig;
import io.cdc4j.config.SinkConfig;
import io.cdc4j.config.SinkProtocol;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.sink.SinkParams;
import io.cdc4j.sink.SinkUri;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka sink's settings from a {@code kafka://} URI and the changefeed's {@code sink} section, read and checked as
 * TiCDC reads them (../shared/reference/sink-uris.md): URI parameters win over their {@code sink.kafka_config}
 * twins. Settings cdc4j does not act on yet (SASL GSSAPI and OAUTHBEARER, insecure-skip-verify, large-message
 * handling, ...) are refused naming the setting, never accepted and ignored.
 *
 * @param brokers the bootstrap servers, comma-separated
 * @param topic the default topic (the URI's path)
 * @param codec what the encoder is opened with
 * @param partitionNum the partitions to use, 0 for the topic's own count (3 when cdc4j creates it)
 * @param replicationFactor the replication factor of the topics cdc4j creates
 * @param maxMessageBytes the largest message allowed before the topic's and broker's own limits
 * @param compression the producer's compression type
 * @param clientId the producer's client id
 * @param autoCreateTopic whether a missing topic is created
 * @param dialTimeout how long connecting and metadata requests may take
 * @param writeTimeout how long one produce request may take
 * @param readTimeout how long an admin request may take
 * @param requiredAcks -1 (all in-sync replicas, idempotent producer) or 1 (the leader)
 * @param maxRetry the producer's retries of one request
 * @param sasl the SASL login, when the brokers ask for one
 * @param tls the TLS connection, when TLS is on
 * @param handleKeyOnlyWhenTooLarge {@code large_message_handle_option = handle-key-only}: a row above the limit is
 *                                  sent with its handle key's columns alone
 */
public record KafkaSinkOptions(String brokers, String topic, CodecOptions codec, int partitionNum,
                               short replicationFactor, int maxMessageBytes, String compression, String clientId,
                               boolean autoCreateTopic, Duration dialTimeout, Duration writeTimeout,
                               Duration readTimeout, int requiredAcks, int maxRetry, Optional<KafkaSasl> sasl,
                               Optional<KafkaTls> tls, boolean handleKeyOnlyWhenTooLarge) {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSinkOptions.class);
    /** The schemes of the Kafka sink; {@code +ssl} is cosmetic, as in TiCDC. */
    public static final Set<String> SCHEMES = Set.of("kafka", "kafka+ssl");
    static final int DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    static final int DEFAULT_CREATED_PARTITIONS = 3;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern KAFKA_VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)*");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Set<String> PARAMETERS = Set.of("protocol", "partition-num", "replication-factor",
            "kafka-version", "max-message-bytes", "max-retry", "compression", "kafka-client-id", "auto-create-topic",
            "dial-timeout", "write-timeout", "read-timeout", "required-acks", "enable-tls", "ca", "cert", "key",
            "insecure-skip-verify", "sasl-user", "sasl-password", "sasl-mechanism", "sasl-gssapi-auth-type",
            "sasl-gssapi-keytab-path", "sasl-gssapi-kerberos-config-path", "sasl-gssapi-service-name",
            "sasl-gssapi-user", "sasl-gssapi-password", "sasl-gssapi-realm", "sasl-gssapi-disable-pafxfast",
            "enable-tidb-extension", "max-batch-size", "avro-decimal-handling-mode",
            "avro-bigint-unsigned-handling-mode", "avro-enable-watermark", "schema-registry",
            "only-output-updated-columns", "content-compatible", "debezium-disable-schema", "encoding-format",
            "transaction-atomicity");
    /** Parameters for security cdc4j's Kafka sink does not set up yet. */
    private static final List<String> SECURITY = List.of("sasl-gssapi-auth-type", "sasl-gssapi-keytab-path",
            "sasl-gssapi-kerberos-config-path", "sasl-gssapi-service-name", "sasl-gssapi-user", "sasl-gssapi-password",
            "sasl-gssapi-realm", "sasl-gssapi-disable-pafxfast");

    /**
     * Reads and checks the settings.
     *
     * @param clientIdSuffix what the default client id ends with (TiCDC: the capture's address, the namespace and
     *                       the changefeed)
     * @throws CdcException SINK_URI_INVALID for a malformed URI or parameter, SINK_UNKNOWN_PROTOCOL for a protocol
     *                      this build does not encode, KAFKA_INVALID_CONFIG for a setting TiCDC refuses, and
     *                      SINK_INVALID_CONFIG for one cdc4j does not act on yet
     */
    public static KafkaSinkOptions of(SinkUri uri, ReplicaConfig config, String clientIdSuffix) {
        if (!SCHEMES.contains(uri.scheme())) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "the scheme " + uri.scheme() + " is not a Kafka scheme");
        }
        for (String name : uri.params().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new CdcException(ErrorCode.SINK_URI_INVALID, "unknown Kafka sink parameter " + name + " (known: "
                        + PARAMETERS.stream().sorted().toList() + ")");
            }
        }
        SinkConfig sink = config.sink();
        KafkaConfig kafka = sink.kafkaConfig().orElse(null);
        Twins twins = new Twins(kafka);
        SinkParams read = new SinkParams("Kafka sink", uri.params());
        refuseSecurity(uri.params(), kafka);
        refuseUnsupported(sink, read);
        String brokers = brokers(uri.raw());
        String topic = topic(uri.raw());
        SinkProtocol protocol = protocol(uri.params(), sink);
        MessageEncoders.require(protocol);
        boolean tidbExtension = read.boolParam("enable-tidb-extension",
                twins.get(KafkaConfig::codecConfig).flatMap(CodecConfig::enableTidbExtension), false);
        if (tidbExtension && protocol != SinkProtocol.CANAL_JSON && protocol != SinkProtocol.AVRO
                && protocol != SinkProtocol.DEBEZIUM) {
            LOG.warn("Kafka sink: enable-tidb-extension is for canal-json, avro and debezium; {} ignores it",
                    protocol.text());
        }
        boolean onlyUpdated = read.boolParam("only-output-updated-columns", sink.onlyOutputUpdatedColumns(), false);
        int maxBatchSize = read.intParam("max-batch-size",
                twins.get(KafkaConfig::codecConfig).flatMap(CodecConfig::maxBatchSize),
                CodecOptions.DEFAULT_MAX_BATCH_SIZE, 1, Integer.MAX_VALUE);
        boolean openOldValue = sink.open().map(OpenProtocolConfig::outputOldValue).orElse(true);
        boolean deleteOnlyHandleKey = sink.deleteOnlyOutputHandleKeyColumns().orElse(false);
        if (deleteOnlyHandleKey && config.forceReplicate()) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "sink.delete_only_output_handle_key_columns cannot"
                    + " be used with force_replicate: a table without a handle key would send deletes without any"
                    + " column; turn one of them off");
        }
        CodecOptions codec = new CodecOptions(protocol, tidbExtension, onlyUpdated, ZoneId.systemDefault(),
                maxBatchSize, openOldValue, deleteOnlyHandleKey);
        int partitionNum = read.intParam("partition-num", twins.get(KafkaConfig::partitionNum), 0, 0,
                Integer.MAX_VALUE);
        int replication = read.intParam("replication-factor", twins.get(KafkaConfig::replicationFactor), 1, 1,
                Short.MAX_VALUE);
        read.text("kafka-version", twins.get(KafkaConfig::kafkaVersion))
                .filter(version -> !KAFKA_VERSION.matcher(version).matches()).ifPresent(version -> {
                    throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "kafka-version '" + version
                            + "' is not a version such as 2.8.0");
                });
        int maxMessageBytes = read.intParam("max-message-bytes", twins.get(KafkaConfig::maxMessageBytes),
                DEFAULT_MAX_MESSAGE_BYTES, 1, Integer.MAX_VALUE);
        int maxRetry = read.intParam("max-retry", Optional.empty(), 5, 0, Integer.MAX_VALUE);
        String compression = compression(read.text("compression", twins.get(KafkaConfig::compression)));
        String clientId = read.text("kafka-client-id", twins.get(KafkaConfig::kafkaClientId))
                .filter(id -> !id.isEmpty()).orElseGet(() -> defaultClientId(clientIdSuffix));
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "kafka-client-id '" + clientId
                    + "' may hold only letters, digits, '.', '_' and '-'");
        }
        boolean autoCreate = read.boolParam("auto-create-topic", twins.get(KafkaConfig::autoCreateTopic), true);
        Duration dial = read.duration("dial-timeout", twins.get(KafkaConfig::dialTimeout), DEFAULT_TIMEOUT);
        Duration write = read.duration("write-timeout", twins.get(KafkaConfig::writeTimeout), DEFAULT_TIMEOUT);
        Duration readTimeout = read.duration("read-timeout", twins.get(KafkaConfig::readTimeout), DEFAULT_TIMEOUT);
        int acks = read.intParam("required-acks", twins.get(KafkaConfig::requiredAcks), -1, Integer.MIN_VALUE,
                Integer.MAX_VALUE);
        if (acks == 0) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "required-acks=0 is not supported by cdc4j yet: the"
                    + " broker would never confirm a write, so no checkpoint could say a change is held; use -1 or 1");
        }
        if (acks != -1 && acks != 1) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "required-acks must be -1, 0 or 1, got " + acks);
        }
        if (twins.get(KafkaConfig::outputRawChangeEvent).orElse(false)) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "sink.kafka_config.output_raw_change_event (TOML"
                    + " [sink.kafka-config] output-raw-change-event) is not supported by cdc4j yet: an update that"
                    + " changes a primary or unique key is always sent as a delete and an insert; remove it");
        }
        Optional<KafkaSasl> sasl = KafkaSasl.of(read.text("sasl-mechanism", twins.get(KafkaConfig::saslMechanism)),
                read.text("sasl-user", twins.get(KafkaConfig::saslUser)),
                read.text("sasl-password", twins.get(KafkaConfig::saslPassword)));
        if (read.boolParam("insecure-skip-verify", twins.get(KafkaConfig::insecureSkipVerify), false)) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "insecure-skip-verify=true is not supported by cdc4j"
                    + " yet: its Kafka sink always checks the brokers' certificates; give their CA with ca, cert and"
                    + " key instead");
        }
        Optional<KafkaTls> tls = KafkaTls.of(read.optionalBool("enable-tls", twins.get(KafkaConfig::enableTls)),
                read.text("ca", twins.get(KafkaConfig::ca)), read.text("cert", twins.get(KafkaConfig::cert)),
                read.text("key", twins.get(KafkaConfig::key)));
        return new KafkaSinkOptions(brokers, topic, codec, partitionNum, (short) replication, maxMessageBytes,
                compression, clientId, autoCreate, dial, write, readTimeout, acks, maxRetry, sasl, tls,
                handleKeyOnly(sink));
    }

    private static SinkProtocol protocol(Map<String, String> params, SinkConfig sink) {
        String name = Optional.ofNullable(params.get("protocol")).or(sink::protocol).filter(p -> !p.isEmpty())
                .orElseThrow(() -> new CdcException(ErrorCode.SINK_UNKNOWN_PROTOCOL,
                        "a Kafka sink needs a protocol (protocol=canal-json)"));
        return SinkProtocol.parse(name).orElseThrow(() -> new CdcException(ErrorCode.SINK_UNKNOWN_PROTOCOL,
                "unknown protocol '" + name + "'"));
    }

    private static void refuseSecurity(Map<String, String> params, KafkaConfig kafka) {
        for (String name : SECURITY) {
            if (params.containsKey(name)) {
                throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "parameter " + name + " is not supported by"
                        + " cdc4j yet: its Kafka sink logs in with SASL PLAIN or SCRAM-SHA-256/512 only; remove it");
            }
        }
        if (kafka == null) {
            return;
        }
        boolean gssapi = kafka.saslGssapiAuthType().isPresent() || kafka.saslGssapiKeytabPath().isPresent()
                || kafka.saslGssapiKerberosConfigPath().isPresent() || kafka.saslGssapiServiceName().isPresent()
                || kafka.saslGssapiUser().isPresent() || kafka.saslGssapiPassword().isPresent()
                || kafka.saslGssapiRealm().isPresent() || kafka.saslGssapiDisablePafxfast().orElse(false);
        boolean oauth = kafka.saslOauthClientId().isPresent() || kafka.saslOauthClientSecret().isPresent()
                || kafka.saslOauthTokenUrl().isPresent() || kafka.saslOauthScopes().isPresent()
                || kafka.saslOauthGrantType().isPresent() || kafka.saslOauthAudience().isPresent();
        if (gssapi || oauth) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "sink.kafka_config's " + (gssapi ? "SASL GSSAPI"
                    : "SASL OAUTHBEARER") + " settings are not supported by cdc4j yet: its Kafka sink logs in with"
                    + " SASL PLAIN or SCRAM-SHA-256/512 only; remove them");
        }
    }

    private static void refuseUnsupported(SinkConfig sink, SinkParams read) {
        read.requireDefault("content-compatible", "[sink] content-compatible",
                read.boolParam("content-compatible", sink.contentCompatible(), false), false,
                "canal-json messages keep TiCDC's short mysqlType names");
        Optional<LargeMessageHandleConfig> large = sink.kafkaConfig().flatMap(KafkaConfig::largeMessageHandle);
        if (large.isPresent() && large.get().enabled()
                && !large.get().largeMessageHandleOption().equals("handle-key-only")) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "sink.kafka_config.large_message_handle ("
                    + large.get().largeMessageHandleOption() + ") is not supported by cdc4j yet: a message above"
                    + " max-message-bytes is sent with its handle key alone (handle-key-only) or stops the"
                    + " changefeed with CDC:ErrMessageTooLarge");
        }
        String compression = large.map(LargeMessageHandleConfig::largeMessageHandleCompression).orElse("");
        if (!compression.isEmpty() && !compression.equals("none")) {
            throw new CdcException(ErrorCode.SINK_INVALID_CONFIG, "sink.kafka_config.large_message_handle"
                    + ".large_message_handle_compression (" + compression + ") is not supported by cdc4j yet: large"
                    + " messages are not compressed on their own; use the compression parameter");
        }
    }

    private static boolean handleKeyOnly(SinkConfig sink) {
        return sink.kafkaConfig().flatMap(KafkaConfig::largeMessageHandle)
                .filter(large -> large.enabled() && large.largeMessageHandleOption().equals("handle-key-only"))
                .isPresent();
    }

    private static String compression(Optional<String> text) {
        String name = text.map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).orElse("none");
        if (!COMPRESSIONS.contains(name)) {
            LOG.warn("Kafka sink: unsupported compression algorithm {}; messages are sent uncompressed", name);
            return "none";
        }
        return name;
    }

    private static String defaultClientId(String suffix) {
        return "TiCDC_producer_" + suffix.replaceAll("[?:,\"/]", "_");
    }

    private static String authority(String raw) {
        int start = raw.indexOf("://");
        if (start < 0) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID,
                    "a Kafka sink URI is kafka://HOST:PORT[,HOST:PORT]/TOPIC");
        }
        String rest = raw.substring(start + 3);
        int end = firstOf(rest, '/', '?', '#');
        return rest.substring(0, end);
    }

    /** The bootstrap servers of a {@code kafka://} URI, comma-separated. */
    public static String brokers(String raw) {
        String authority = authority(raw);
        int at = authority.lastIndexOf('@');
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        List<String> list = Arrays.stream(hosts.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        if (list.isEmpty()) {
            throw new CdcException(ErrorCode.SINK_URI_INVALID, "the Kafka sink URI names no broker"
                    + " (kafka://HOST:PORT/TOPIC)");
        }
        for (String host : list) {
            if (host.lastIndexOf(':') <= 0) {
                throw new CdcException(ErrorCode.SINK_URI_INVALID, "the Kafka broker '" + host + "' has no port");
            }
        }
        return String.join(",", list);
    }

    /** The topic of a {@code kafka://} URI (its path). */
    public static String topic(String raw) {
        int start = raw.indexOf("://") + 3;
        String rest = raw.substring(start);
        int pathStart = firstOf(rest, '/', '?', '#');
        if (pathStart == rest.length() || rest.charAt(pathStart) != '/') {
            throw noTopic();
        }
        String path = rest.substring(pathStart);
        path = path.substring(0, firstOf(path, '?', '#'));
        String topic = path.replaceAll("^/+|/+$", "");
        if (topic.isEmpty()) {
            throw noTopic();
        }
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "the topic '" + topic + "' is not a valid Kafka"
                    + " topic name (letters, digits, '.', '_' and '-', at most 249)");
        }
        return topic;
    }

    private static CdcException noTopic() {
        return new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, "no topic is specified in the sink URI"
                + " (kafka://HOST:PORT/TOPIC)");
    }

    private static int firstOf(String text, char... marks) {
        int first = text.length();
        for (char mark : marks) {
            int at = text.indexOf(mark);
            if (at >= 0 && at < first) {
                first = at;
            }
        }
        return first;
    }

    /** The {@code sink.kafka_config} twins of the URI parameters, when the section is there. */
    private record Twins(KafkaConfig kafka) {
        <T> Optional<T> get(Function<KafkaConfig, Optional<T>> field) {
            return kafka == null ? Optional.empty() : field.apply(kafka);
        }
    }
}
