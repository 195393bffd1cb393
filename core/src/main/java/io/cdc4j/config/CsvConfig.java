package io.cdc4j.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code sink.csv}: how the csv protocol of storage sinks writes fields. */
public record CsvConfig(
        String delimiter,
        String quote,
        @JsonProperty("null") String nullString,
        boolean includeCommitTs,
        String binaryEncodingMethod,
        boolean outputOldValue,
        boolean outputHandleKey,
        boolean outputFieldHeader) {

    public CsvConfig {
        delimiter = Values.text(delimiter);
        quote = Values.text(quote);
        nullString = Values.text(nullString);
        binaryEncodingMethod = Values.text(binaryEncodingMethod);
    }

    /** TiCDC's default: comma, double quote, {@code \N} for NULL, base64 for binary. */
    public static CsvConfig defaults() {
        return new CsvConfig(",", "\"", "\\N", false, "base64", false, false, false);
    }
}
