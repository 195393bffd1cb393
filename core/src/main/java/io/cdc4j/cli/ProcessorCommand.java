package io.cdc4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cdc cli processor}: the commands about processors (a changefeed's part on one capture). */
@Command(name = "processor", description = "Manage processors (the part of a changefeed on one capture).",
        subcommands = {ListProcessorCommand.class, QueryProcessorCommand.class})
final class ProcessorCommand {
    @ParentCommand
    CliCommand cli;
}
