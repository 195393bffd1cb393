package io.cdc4j.model;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/** A changefeed's identity: namespace and id, both matching TiCDC's rule, so they are safe as ZooKeeper node names. */
public record ChangefeedId(String namespace, String id) implements Comparable<ChangefeedId> {
    /** The namespace v1 and unqualified v2 requests use. */
    public static final String DEFAULT_NAMESPACE = "default";
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
    private static final int MAX_LENGTH = 128;

    public ChangefeedId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        if (!isValidName(id)) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid changefeed_id: " + id);
        }
        if (!isValidName(namespace)) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "invalid namespace: " + namespace);
        }
    }

    /** Whether a name follows TiCDC's rule: {@code ^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$}, at most 128 characters. */
    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    @Override
    public int compareTo(ChangefeedId other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return namespace + "/" + id;
    }
}
