package io.cdc4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TiCDC's changefeed TOML file ({@code cdc cli changefeed create|update --config}): kebab-case keys, durations as
 * strings, decoded strictly over a base config (unknown keys such as the removed {@code enable-old-value} are errors).
 */
public final class ReplicaConfigToml {
    private static final TomlMapper TOML = new TomlMapper();

    private ReplicaConfigToml() {
    }

    /** Reads a TOML file over TiCDC's defaults, as {@code changefeed create --config} does. */
    public static ReplicaConfig read(Path file) {
        try {
            return decodeOver(ReplicaConfig.defaults(), Files.readString(file));
        } catch (IOException e) {
            throw new CdcException(ErrorCode.INVALID_REPLICA_CONFIG, "cannot read config file " + file, e);
        }
    }

    /** Decodes TOML text over TiCDC's defaults. */
    public static ReplicaConfig decode(String toml) {
        return decodeOver(ReplicaConfig.defaults(), toml);
    }

    /** Decodes TOML text over an existing config, as {@code changefeed update --config} does with the current one. */
    public static ReplicaConfig decodeOver(ReplicaConfig base, String toml) {
        JsonNode parsed;
        try {
            parsed = TOML.readTree(toml);
        } catch (IOException e) {
            throw new CdcException(ErrorCode.INVALID_REPLICA_CONFIG, "malformed TOML config", e);
        }
        JsonNode renamed = TomlKeyNames.toJsonNames(parsed);
        JsonNode merged = JsonTreeMerge.merge(ReplicaConfigJson.treeOf(base), renamed);
        return ReplicaConfigJson.bindStrict(merged, ErrorCode.INVALID_REPLICA_CONFIG);
    }
}
