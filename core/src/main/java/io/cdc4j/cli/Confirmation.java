package io.cdc4j.cli;

import io.cdc4j.config.GoDuration;
import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.Tso;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The yes/no questions TiCDC's cli asks before risky steps. Only {@code y} or {@code Y} is a yes; an empty or closed
 * stdin (a script, no terminal) counts as no, so nothing risky happens unless the user passed {@code --no-confirm}.
 */
final class Confirmation {
    /** TiCDC asks before replicating from a start point more than one day old (large data may run out of memory). */
    static final Duration LAG_WARNING = Duration.ofDays(1);

    private final BufferedReader in;
    private final PrintWriter out;

    Confirmation(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** Prints the question and reads one answer line; true only for {@code y}. */
    boolean ask(String question) {
        out.println(question);
        out.flush();
        String answer;
        try {
            answer = in.readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            out.println("No answer: stdin is empty or closed (pass --no-confirm to skip this question); "
                    + "abort the command.");
            out.flush();
            return false;
        }
        return answer.strip().toLowerCase(Locale.ROOT).equals("y");
    }

    /** Asks before replicating from {@code ts} when it lies more than a day behind now; a no aborts {@code command}. */
    void requireLagAccepted(long ts, String command) {
        Duration lag = Duration.between(Tso.toInstant(ts), Instant.now());
        if (lag.compareTo(LAG_WARNING) <= 0) {
            return;
        }
        if (!ask("Replicate lag (" + GoDuration.format(Duration.ofMillis(lag.toMillis()))
                + ") is larger than 1 days, large data may cause OOM, confirm to continue at your own risk [Y/N]")) {
            out.println("Abort changefeed " + command + ".");
            out.flush();
            throw aborted(command);
        }
    }

    /** TiCDC's error for a command the user declined. */
    static CdcException aborted(String command) {
        return new CdcException(ErrorCode.CLI_ABORTED, "command 'cli changefeed " + command + "' is aborted by user");
    }
}
