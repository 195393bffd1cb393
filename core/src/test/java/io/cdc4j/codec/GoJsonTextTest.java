package io.cdc4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoJsonTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void escapesAsGoDoes() {
        assertThat(quote("plain")).isEqualTo("\"plain\"");
        assertThat(quote("")).isEqualTo("\"\"");
        assertThat(quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(quote("l1\nl2\r\t")).isEqualTo("\"l1\\nl2\\r\\t\"");
        assertThat(quote("<a&b>")).isEqualTo("\"\\u003ca\\u0026b\\u003e\"");
        assertThat(quote("\u0001x\u001f")).isEqualTo("\"\\u0001x\\u001f\"");
        assertThat(quote("s\u2028p\u2029")).isEqualTo("\"s\\u2028p\\u2029\"");
        assertThat(quote("名前 é 😀")).isEqualTo("\"名前 é 😀\"");
    }

    @Test
    void anyTextReadsBackAsItselfAndNeedsNoOtherEscape() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        char[] alphabet = "ab\"\\\n\r\t<>&\u0000\u001f\u2028\u2029é名😀 ".toCharArray();
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String quoted = quote(text.toString());
            assertThat(JSON.readValue(quoted, String.class)).isEqualTo(text.toString());
            assertThat(quoted.substring(1, quoted.length() - 1)).doesNotContain("<", ">", "&", "\n", "\u2028");
        }
    }

    private static String quote(String text) {
        return GoJsonText.quote(new StringBuilder(), text).toString();
    }
}
