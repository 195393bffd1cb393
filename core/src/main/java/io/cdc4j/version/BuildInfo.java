package io.cdc4j.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and git commit this binary was built from, as `status` and `cdc version` report them. */
public record BuildInfo(String version, String gitHash) {

    private static final BuildInfo CURRENT = load();

    /** The build information of the running binary. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded build.properties", e);
        }
        String version = resolved(props.getProperty("version"), "0.0.0-dev");
        String hash = resolved(props.getProperty("git.hash"), "None");
        if ("true".equals(props.getProperty("git.dirty"))) {
            version = version + "-dirty";
        }
        return new BuildInfo("v" + version, hash);
    }

    private static String resolved(String value, String fallback) {
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
