package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdc4j.cli.client.ApiV2Client;
import java.io.PrintWriter;

/** What one {@code cdc cli} subcommand works with: the API client, stdout, and the user's confirmations. */
record CliSession(ApiV2Client api, PrintWriter out, Confirmation confirmation) {
    /** Prints a line on stdout, as TiCDC's cli prints its messages. */
    void println(String line) {
        out.println(line);
        out.flush();
    }

    /** Prints JSON indented as TiCDC's cli does. */
    void printJson(JsonNode value) {
        println(GoJson.indented(value));
    }
}
