package dev.drover.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadTailTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsEverythingWithinTheLimit() {
        HeadTail output = new HeadTail(16);
        output.add(bytes("abc"));
        output.add(bytes("defgh"));

        assertThat(output.text()).isEqualTo("abcdefgh");
    }

    @Test
    void keepsTheFirstAndLastHalfAndSaysHowMuchWentMissing() {
        HeadTail output = new HeadTail(8);
        output.add(bytes("0123"));
        output.add(bytes("456789"));
        output.add(bytes("ab"));

        assertThat(output.text()).isEqualTo("0123\n[drover: 4 bytes of output left out]\n89ab");
    }

    @Test
    void aSingleLargeWriteIsCutTheSameWay() {
        HeadTail output = new HeadTail(6);
        output.add(bytes("abcdefghij"));

        assertThat(output.text()).isEqualTo("abc\n[drover: 4 bytes of output left out]\nhij");
    }
}
