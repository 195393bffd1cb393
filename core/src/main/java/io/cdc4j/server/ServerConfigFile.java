package io.cdc4j.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings a {@code cdc server --config FILE} TOML file may hold (TiCDC's key names); any key it
 * does not know is an error, so that a typo is not silently ignored. An absent key is null.
 */
public record ServerConfigFile(
        @JsonProperty("addr") String addr,
        @JsonProperty("advertise-addr") String advertiseAddr,
        @JsonProperty("data-dir") String dataDir,
        @JsonProperty("meta") String meta,
        @JsonProperty("meta-listen") String metaListen,
        @JsonProperty("cluster-id") String clusterId,
        @JsonProperty("upstream") String upstream,
        @JsonProperty("log-level") String logLevel,
        @JsonProperty("log-file") String logFile,
        @JsonProperty("capture-session-ttl") Integer captureSessionTtl) {

    private static final ObjectMapper TOML = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads and strictly decodes a server config file. */
    public static ServerConfigFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "config file " + file + " does not exist");
        }
        try {
            return TOML.readValue(file.toFile(), ServerConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "config file " + file + " has an unknown key '"
                    + e.getPropertyName() + "'");
        } catch (IOException e) {
            throw new CdcException(ErrorCode.API_INVALID_PARAM, "config file " + file + " is not valid TOML", e);
        }
    }

    /** A file with nothing set. */
    public static ServerConfigFile empty() {
        return new ServerConfigFile(null, null, null, null, null, null, null, null, null, null);
    }
}
