package io.cdc4j.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates the command objects, handing {@code cdc cli} the stdin it reads confirmations from. */
final class CommandFactory implements IFactory {
    private final InputStream stdin;

    CommandFactory(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == CliCommand.class) {
            return type.cast(new CliCommand(stdin));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
