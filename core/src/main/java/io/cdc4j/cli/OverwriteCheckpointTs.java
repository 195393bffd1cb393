package io.cdc4j.cli;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;

/** The value of {@code changefeed resume --overwrite-checkpoint-ts}: {@code now} or a positive ts not in the future. */
final class OverwriteCheckpointTs {
    private OverwriteCheckpointTs() {
    }

    /** Resolves the flag against the current ts; refuses what TiCDC refuses, with its error codes. */
    static long parse(String text, long nowTs) {
        if (text.equalsIgnoreCase("now")) {
            return nowTs;
        }
        long ts;
        try {
            ts = text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : 0;
        } catch (NumberFormatException e) {
            ts = 0;
        }
        if (ts == 0) {
            throw new CdcException(ErrorCode.CLI_INVALID_CHECKPOINT_TS, "invalid overwrite-checkpoint-ts " + text
                    + ", overwrite-checkpoint-ts only accept 'now' or a valid timestamp in integer");
        }
        if (ts > nowTs) {
            throw new CdcException(ErrorCode.CLI_CHECKPOINT_TS_IN_FUTURE, "the overwrite-checkpoint-ts " + ts
                    + " must be smaller than current TSO");
        }
        return ts;
    }
}
