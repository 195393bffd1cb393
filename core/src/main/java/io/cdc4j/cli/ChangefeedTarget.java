package io.cdc4j.cli;

import picocli.CommandLine.Option;

/** The {@code -c/--changefeed-id} and {@code -n/--namespace} flags of the commands that act on one changefeed. */
final class ChangefeedTarget {
    @Option(names = {"-c", "--changefeed-id"}, required = true, paramLabel = "ID",
            description = "Replication task (changefeed) ID.")
    String id;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Replication task (changefeed) namespace (default ${DEFAULT-VALUE}).")
    String namespace;
}
