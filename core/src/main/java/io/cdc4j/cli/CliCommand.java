package io.cdc4j.cli;

import io.cdc4j.cli.client.ApiV2Client;
import io.cdc4j.cli.client.ServerAddress;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code cdc cli}: manages changefeeds, captures and processors through any capture's v2 API, as TiCDC's
 * {@code cdc cli} does. Holds what every subcommand shares: the server address and the user's stdin.
 */
@Command(name = "cli", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        description = "Manage replication tasks (changefeeds) and the cluster through a capture's API.",
        subcommands = {ChangefeedCommand.class, CaptureCommand.class, ProcessorCommand.class})
public final class CliCommand {
    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Any capture's API address (default " + ServerAddress.DEFAULT + ").")
    Optional<String> server = Optional.empty();

    @Option(names = "--pd", paramLabel = "ADDRS", hidden = true, scope = ScopeType.INHERIT,
            description = "Deprecated in TiCDC; cdc4j has no PD and ignores it.")
    Optional<String> pd = Optional.empty();

    private final InputStream stdin;
    private BufferedReader answers;

    CliCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** What a subcommand needs to run: a client of the chosen capture, its output, and a way to ask the user. */
    CliSession session(CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pd.isPresent() && server.isPresent()) {
            throw new IllegalArgumentException("Parameter --pd is deprecated, please use parameter --server instead. "
                    + "These two parameters cannot be specified at the same time.");
        }
        if (pd.isPresent()) {
            err.println("[WARN] --pd is deprecated and ignored: cdc4j has no PD. Talking to " + ServerAddress.DEFAULT
                    + "; use --server to reach another capture.");
            err.flush();
        }
        ServerAddress address = ServerAddress.parse(server.orElse(ServerAddress.DEFAULT));
        return new CliSession(new ApiV2Client(address), out, new Confirmation(answers(), out));
    }

    private synchronized BufferedReader answers() {
        if (answers == null) {
            answers = new BufferedReader(new InputStreamReader(stdin, Charset.defaultCharset()));
        }
        return answers;
    }
}
