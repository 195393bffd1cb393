package io.cdc4j.cli;

import picocli.CommandLine.Command;

/** The top of the {@code cdc} command tree. */
@Command(name = "cdc", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Change data capture from MySQL/MariaDB binlogs, with TiCDC's API.",
        subcommands = {ServerCommand.class, CliCommand.class, PlaygroundCommand.class, KafkaConsumerCommand.class,
            VersionCommand.class})
public final class CdcCommand {
}
