package io.cdc4j.upstream;

import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings of an upstream URI.
 *
 * @param mode {@code disabled}, {@code preferred}, {@code required}, {@code verify-ca} or {@code verify-identity}
 * @param caFile PEM file of the CA to trust
 * @param certFile PEM file of the client certificate
 * @param keyFile PEM file of the client key
 */
public record TlsOptions(String mode, Optional<String> caFile, Optional<String> certFile, Optional<String> keyFile) {
    /** The modes MySQL clients know. */
    public static final java.util.List<String> MODES =
            java.util.List.of("disabled", "preferred", "required", "verify-ca", "verify-identity");

    public TlsOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("ssl-mode " + mode + " is not one of " + MODES);
        }
    }

    /** No TLS. */
    public static TlsOptions disabled() {
        return new TlsOptions("disabled", Optional.empty(), Optional.empty(), Optional.empty());
    }
}
