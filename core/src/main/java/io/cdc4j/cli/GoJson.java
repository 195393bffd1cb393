package io.cdc4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cdc4j.api.ApiJson;

/**
 * JSON text as TiCDC's cli prints it with Go's encoder: indented by two spaces with {@code "key": value}, empty
 * containers as {@code {}} and {@code []}, and {@code <}, {@code >}, {@code &} escaped; or compact on one line.
 */
final class GoJson {
    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter INDENTED = ApiJson.mapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(TWO_SPACES)
            .withArrayIndenter(TWO_SPACES));
    private static final ObjectWriter COMPACT = ApiJson.mapper().writer();

    private GoJson() {
    }

    /** Go's {@code json.MarshalIndent(v, "", "  ")}. */
    static String indented(JsonNode value) {
        return write(INDENTED, value);
    }

    /** Go's {@code json.Marshal(v)}. */
    static String compact(JsonNode value) {
        return write(COMPACT, value);
    }

    private static String write(ObjectWriter writer, JsonNode value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print a JSON tree", e);
        }
    }
}
