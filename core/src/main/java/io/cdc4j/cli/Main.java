package io.cdc4j.cli;

import io.cdc4j.version.BuildInfo;

/** Entry point of the `cdc` command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(BuildInfo.current());
    }
}
