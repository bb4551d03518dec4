package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The seed's one home: made, printed and read back the same way everywhere. */
class SeedsTest {

    @Test
    void formatsSixteenLowerCaseHexDigits() {
        assertThat(Seeds.format(0xabL)).isEqualTo("0x00000000000000ab");
        assertThat(Seeds.format(-1L)).isEqualTo("0xffffffffffffffff");
    }

    @Test
    void parsesWhatItPrints() {
        assertThat(Seeds.parse("0x00000000000000ab")).isEqualTo(0xabL);
        assertThat(Seeds.parse(" 0XFF ")).isEqualTo(0xffL);
        assertThat(Seeds.parse("0xffffffffffffffff")).isEqualTo(-1L);
        for (long seed : new long[] {0, 1, Long.MIN_VALUE, Long.MAX_VALUE, Seeds.of(7, 3)}) {
            assertThat(Seeds.parse(Seeds.format(seed))).isEqualTo(seed);
        }
    }

    @Test
    void refusesAnythingElseNamingTheFormsItTakes() {
        for (String bad : new String[] {"0x", "0x1ffffffffffffffff", "0xzz", "seed", "", "12345"}) {
            assertThatThrownBy(() -> Seeds.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a seed: give it as simloop prints seeds, 0x and 1 to 16 hex "
                            + "digits (0x00000000000000ab).");
        }
    }

    @Test
    void aSweepsSeedsAreSplitMix64sOutputs() {
        // SplitMix64 from state 0: its published first outputs
        assertThat(Seeds.format(Seeds.of(0, 0))).isEqualTo("0xe220a8397b1dcdaf");
        assertThat(Seeds.format(Seeds.of(0, 1))).isEqualTo("0x6e789e6aa1b965f4");
        assertThat(Seeds.of(5, 10)).isEqualTo(Seeds.of(5 + 10 * 0x9E3779B97F4A7C15L, 0));
    }
}
