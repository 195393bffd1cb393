package io.cdc4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
    @Test
    void stringsAreTheUtf8OfGoJsonTextsQuotingWhateverTheirLength() {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "aZ09 \"\\\n\r\t<>&\u0000\u001f\u007f\u00e9\u00ff\u0100\u07ff\u0800\u2028\u2029\uffff名";
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(10) == 0) {
                    text.appendCodePoint(0x1F600 + random.nextInt(50));
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            byte[] expected = GoJsonText.quote(new StringBuilder(), text).toString().getBytes(StandardCharsets.UTF_8);
            assertThat(new JsonBytes(1).quote(text).bytes()).as("%s", text).isEqualTo(expected);
        }
    }

    @Test
    void aLoneSurrogateIsTheReplacementCharacterAndTheRestIsCopiedAsItIs() {
        assertThat(new String(new JsonBytes(4).quote("a\ud800b").bytes(), StandardCharsets.UTF_8))
                .isEqualTo("\"a\ufffdb\"");
        JsonBytes json = new JsonBytes(2).ascii("{\"n\":").number(-42).ascii(',').raw("\"r\":1".getBytes(
                StandardCharsets.UTF_8)).ascii('}');
        assertThat(new String(json.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":-42,\"r\":1}");
        assertThat(json.size()).isEqualTo(15);
    }
}
