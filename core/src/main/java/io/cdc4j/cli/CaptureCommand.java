package io.cdc4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cdc cli capture}: the commands about the cluster's captures. */
@Command(name = "capture", description = "Manage captures (cdc server processes).",
        subcommands = ListCaptureCommand.class)
final class CaptureCommand {
    @ParentCommand
    CliCommand cli;
}
