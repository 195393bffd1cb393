package io.cdc4j.cli;

import io.cdc4j.version.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cdc version}: the release and the git commit this binary was built from. */
@Command(name = "version", description = "Print the version and the git commit of this build.")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : lines()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String[] lines() {
        BuildInfo build = BuildInfo.current();
        return new String[] {
            "Release Version: " + build.version(),
            "Git Commit Hash: " + build.gitHash(),
            "Java Version: " + Runtime.version(),
        };
    }

    /** Gives {@code cdc --version} the same text. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }
}
