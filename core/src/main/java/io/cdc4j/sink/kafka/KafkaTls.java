package io.cdc4j.sink.kafka;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The TLS a Kafka sink connects with ({@code enable-tls}, {@code ca}, {@code cert}, {@code key}): the brokers'
 * certificates checked against the CA file (or the JVM's trusted roots without one), and with a certificate and key,
 * the sink's own certificate for brokers that ask for one. The files are PEM, read when the changefeed is created
 * and whenever its sink opens; the key must be PKCS#8 ({@code BEGIN PRIVATE KEY}), as Kafka's client reads it.
 *
 * @param ca the CA certificates' file, when given
 * @param certificate the client certificate chain (PEM text), with {@code key}
 * @param key the client's private key (PEM text), with {@code certificate}
 */
public record KafkaTls(Optional<Path> ca, Optional<String> certificate, Optional<String> key) {
    /**
     * The TLS of the given settings, none when TLS is off.
     *
     * @throws CdcException KAFKA_INVALID_CONFIG for {@code enable-tls=false} with files, files not given together, a
     *                      file that cannot be read or is not PEM, or a key not in PKCS#8
     */
    public static Optional<KafkaTls> of(Optional<Boolean> enableTls, Optional<String> ca, Optional<String> cert,
                                 Optional<String> key) {
        Optional<String> caFile = ca.filter(c -> !c.isEmpty());
        Optional<String> certFile = cert.filter(c -> !c.isEmpty());
        Optional<String> keyFile = key.filter(k -> !k.isEmpty());
        boolean files = caFile.isPresent() || certFile.isPresent() || keyFile.isPresent();
        if (files && enableTls.equals(Optional.of(false))) {
            throw invalid("enable-tls=false cannot be given with ca, cert or key");
        }
        if (!files && !enableTls.orElse(false)) {
            return Optional.empty();
        }
        if (files && (caFile.isEmpty() || certFile.isEmpty() || keyFile.isEmpty())) {
            throw invalid("ca, cert and key must be given together (got " + (caFile.isPresent() ? "ca " : "")
                    + (certFile.isPresent() ? "cert " : "") + (keyFile.isPresent() ? "key" : "").trim() + ")");
        }
        if (!files) {
            return Optional.of(new KafkaTls(Optional.empty(), Optional.empty(), Optional.empty()));
        }
        Path caPath = Path.of(caFile.get());
        read("ca", caPath, "CERTIFICATE");
        String chain = read("cert", Path.of(certFile.get()), "CERTIFICATE");
        String privateKey = read("key", Path.of(keyFile.get()), "PRIVATE KEY");
        if (!privateKey.contains("-----BEGIN PRIVATE KEY-----")
                && !privateKey.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw invalid("the key " + keyFile.get() + " is not a PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in " + keyFile.get());
        }
        return Optional.of(new KafkaTls(Optional.of(caPath), Optional.of(chain), Optional.of(privateKey)));
    }

    private static String read(String what, Path file, String block) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw invalid("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
        if (!text.contains("-----BEGIN ") || !text.contains(block + "-----")) {
            throw invalid("the " + what + " file " + file + " holds no PEM " + block);
        }
        return text;
    }

    private static CdcException invalid(String why) {
        return new CdcException(ErrorCode.KAFKA_INVALID_CONFIG, why);
    }

    /** Sets the client properties that connect with it; with SASL the protocol becomes SASL_SSL. */
    public void applyTo(Properties properties) {
        Object protocol = properties.get("security.protocol");
        properties.put("security.protocol", "SASL_PLAINTEXT".equals(protocol) ? "SASL_SSL" : "SSL");
        ca.ifPresent(file -> {
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.location", file.toString());
        });
        if (certificate.isPresent() && key.isPresent()) {
            properties.put("ssl.keystore.type", "PEM");
            properties.put("ssl.keystore.certificate.chain", certificate.get());
            properties.put("ssl.keystore.key", key.get());
        }
    }

    @Override
    public String toString() {
        return "KafkaTls[ca=" + ca.map(Path::toString).orElse("(system)") + ", client certificate="
                + certificate.isPresent() + "]";
    }
}
