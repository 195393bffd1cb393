package io.cdc4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdc cli changefeed pause}: asks the owner to stop the changefeed; prints nothing, as TiCDC. */
@Command(name = "pause", description = "Pause a replication task (changefeed).")
final class PauseChangefeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ChangefeedCommand changefeeds;

    @Mixin
    ChangefeedTarget target;

    @Override
    public Integer call() {
        changefeeds.cli.session(spec).api().pauseChangefeed(target.namespace, target.id);
        return 0;
    }
}
