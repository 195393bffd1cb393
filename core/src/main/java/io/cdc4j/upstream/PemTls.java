package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns the upstream URI's PEM files ({@code ssl-ca}, {@code ssl-cert}, {@code ssl-key}) into the trust and key
 * material of a TLS context, for the binlog connection (the JDBC driver reads the same files itself). The key
 * must be PKCS#8 ({@code BEGIN PRIVATE KEY}; convert a PKCS#1 key with {@code openssl pkcs8 -topk8 -nocrypt}).
 */
final class PemTls {
    private static final char[] NO_PASSWORD = new char[0];

    private PemTls() {
    }

    /** Initialises {@code context} with the CA to trust and the client certificate to present, where given. */
    static void init(SSLContext context, TlsOptions tls) throws GeneralSecurityException {
        context.init(keyManagers(tls), trustManagers(tls.caFile()), null);
    }

    /** Whether the options name any PEM file, so the binlog connection needs a context of its own. */
    static boolean hasFiles(TlsOptions tls) {
        return tls.caFile().isPresent() || tls.certFile().isPresent();
    }

    private static TrustManager[] trustManagers(Optional<String> caFile) throws GeneralSecurityException {
        if (caFile.isEmpty()) {
            return null;
        }
        KeyStore store = emptyStore();
        int index = 0;
        for (Certificate certificate : certificates(caFile.get())) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(TlsOptions tls) throws GeneralSecurityException {
        if (tls.certFile().isEmpty() || tls.keyFile().isEmpty()) {
            return null;
        }
        Collection<? extends Certificate> chain = certificates(tls.certFile().get());
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(tls.keyFile().get()), NO_PASSWORD, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, NO_PASSWORD);
        return factory.getKeyManagers();
    }

    private static Collection<? extends Certificate> certificates(String file) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw invalid(file, "it holds no certificate", null);
            }
            return certificates;
        } catch (IOException e) {
            throw invalid(file, "it cannot be read", e);
        }
    }

    private static PrivateKey privateKey(String file) throws GeneralSecurityException {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw invalid(file, "it cannot be read", e);
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw invalid(file, "it is not a PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8", null);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw invalid(file, "its key is neither RSA nor EC", null);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static CdcException invalid(String file, String why, Throwable cause) {
        return new CdcException(ErrorCode.UPSTREAM_CONNECTION, "the TLS file " + file + " of the upstream URI is"
                + " unusable: " + why, cause);
    }
}
