package io.cdc4j.config;

import static io.cdc4j.config.ConfigErrors.invalid;

import io.cdc4j.error.ErrorCode;
import java.util.Set;

/** Checks {@code sink.csv} as storage sinks need it: quote and delimiter shapes, binary encoding. */
final class CsvConfigValidator {
    private static final Set<String> BINARY_ENCODINGS = Set.of("hex", "base64");

    private CsvConfigValidator() {
    }

    static void validate(CsvConfig csv) {
        String quote = csv.quote();
        if (quote.length() > 1) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.csv.quote", "must be at most one character, got '" + quote + "'");
        }
        if (hasLineBreak(quote)) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.csv.quote", "must not contain a line break");
        }
        String delimiter = csv.delimiter();
        if (delimiter.isEmpty() || delimiter.length() > 3) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.csv.delimiter",
                    "must be 1 to 3 characters, got '" + delimiter + "'");
        }
        if (hasLineBreak(delimiter)) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.csv.delimiter", "must not contain a line break");
        }
        if (!quote.isEmpty() && delimiter.contains(quote)) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.csv.delimiter",
                    "must not share a character with sink.csv.quote");
        }
        if (!BINARY_ENCODINGS.contains(csv.binaryEncodingMethod())) {
            throw invalid(ErrorCode.SINK_INVALID_CONFIG, "sink.csv.binary_encoding_method",
                    "must be hex or base64, got '" + csv.binaryEncodingMethod() + "'");
        }
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }
}
