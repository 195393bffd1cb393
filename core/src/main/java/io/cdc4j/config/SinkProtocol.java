package io.cdc4j.config;

import java.util.List;
import java.util.Optional;

/** The message encodings an MQ or storage sink can be configured with, under TiCDC's names and aliases. */
public enum SinkProtocol {
    CANAL_JSON("canal-json"),
    OPEN_PROTOCOL("open-protocol", "default"),
    CANAL("canal"),
    AVRO("avro", "flat-avro"),
    MAXWELL("maxwell"),
    CRAFT("craft"),
    CSV("csv"),
    DEBEZIUM("debezium"),
    SIMPLE("simple");

    private final String text;
    private final List<String> aliases;

    SinkProtocol(String text, String... aliases) {
        this.text = text;
        this.aliases = List.of(aliases);
    }

    /** The protocol's canonical name as used in configs and URIs. */
    public String text() {
        return text;
    }

    /** The protocol named by {@code name} or one of its aliases; empty when no protocol has that name. */
    public static Optional<SinkProtocol> parse(String name) {
        for (SinkProtocol protocol : values()) {
            if (protocol.text.equals(name) || protocol.aliases.contains(name)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}
