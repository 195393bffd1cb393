package io.cdc4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cdc cli changefeed}: the commands that manage replication tasks. */
@Command(name = "changefeed", description = "Manage changefeeds (a changefeed is a replication task).",
        subcommands = {CreateChangefeedCommand.class, UpdateChangefeedCommand.class, ListChangefeedCommand.class,
            PauseChangefeedCommand.class, QueryChangefeedCommand.class, RemoveChangefeedCommand.class,
            ResumeChangefeedCommand.class})
final class ChangefeedCommand {
    @ParentCommand
    CliCommand cli;
}
