package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chains found for all alphabets in one pass equal those of a plain walk over each alphabet's runs. */
class DigitChainsTest {
    /** Digits weighted up, so that long chains occur; letters and symbols inside and outside ASCII. */
    private static final String CHARS = "0123456789012345678901234567890123456789 -.:/+()xAZé€Ж°_\n";

    @Test
    void chainsEqualAPlainWalkPerAlphabet() {
        DigitChains.Alphabets alphabets = new DigitChains.Alphabets();
        List<boolean[]> tables = List.of(ascii("0-9"), ascii("0-9 -"), ascii("0-9 +()./-"), ascii("0-9A-Z "),
                ascii("0-9 -"), ascii("0-9:"));
        boolean[] anyLetter = {false, false, false, false, true, false};
        int[] minDigits = {6, 9, 7, 8, 10, 12};
        int[] ids = new int[tables.size()];
        for (int a = 0; a < ids.length; a++) {
            ids[a] = alphabets.register(tables.get(a), anyLetter[a], minDigits[a]);
        }
        assertThat(ids).as("the same table with and without letters outside ASCII is two alphabets")
                .containsExactly(0, 1, 2, 3, 4, 5);

        Random random = new Random(11);
        int kept = 0;
        for (int t = 0; t < 2_000; t++) {
            char[] text = randomText(random, random.nextInt(200)).toCharArray();
            int[] runs = TextIndex.of(new String(text)).digitRuns();
            DigitChains chains = DigitChains.of(text, runs, alphabets);
            for (int a = 0; a < ids.length; a++) {
                int[] expected = plainWalk(text, runs, tables.get(a), anyLetter[a], minDigits[a]);
                assertThat(chains.runsOf(ids[a], minDigits[a])).as("alphabet %d on '%s'", a, new String(text))
                        .containsExactly(expected);
                assertThat(chains.runsOf(ids[a], minDigits[a] + 5)).as("a spec needing more digits gets the same chains")
                        .containsExactly(expected);
                kept += expected.length / 2;
            }
        }
        assertThat(kept).as("chains kept over all texts").isGreaterThan(3_000);
    }

    @Test
    void anAlphabetWithoutEveryDigitIsRefused() {
        // The pass reads a gap's first two characters at once; the second may be the next run's first digit.
        assertThatThrownBy(() -> new DigitChains.Alphabets().register(ascii("1-9 -"), false, 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0' is missing");
    }

    @Test
    void chainsCoverOnlyWhatWasRegisteredWhenTheyWereFound() {
        DigitChains.Alphabets alphabets = new DigitChains.Alphabets();
        int dashes = alphabets.register(ascii("0-9 -"), false, 9);
        char[] text = "call 0800 123 4567 or 12-34-56-78-90 today".toCharArray();
        int[] runs = TextIndex.of(new String(text)).digitRuns();
        DigitChains before = DigitChains.of(text, runs, alphabets);

        int slashes = alphabets.register(ascii("0-9/"), false, 9);
        assertThat(alphabets.register(ascii("0-9 -"), false, 7)).as("registered again: the same id").isEqualTo(dashes);

        assertThat(before.runsOf(dashes, 9)).as("runs 0-2 and 3-7").containsExactly(0, 2, 3, 7);
        assertThat(before.runsOf(slashes, 9)).as("registered after the chains were found").isNull();
        assertThat(before.runsOf(dashes, 7)).as("now needed with fewer digits than the chains kept").isNull();
        assertThat(DigitChains.of(text, runs, alphabets).runsOf(dashes, 7)).containsExactly(0, 2, 3, 7);
        assertThat(before.runsOf(-1, 9)).as("an alphabet the registry turned away").isNull();
    }

    @Test
    void aFullRegistryTurnsNewAlphabetsAway() {
        DigitChains.Alphabets alphabets = new DigitChains.Alphabets();
        String others = "!#$%&*+,./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        for (int id = 0; id < DigitChains.MAX_ALPHABETS; id++) {
            assertThat(alphabets.register(ascii("0-9" + others.charAt(id)), false, 8)).isEqualTo(id);
        }
        assertThat(alphabets.register(ascii("0-9" + others.charAt(64)), false, 8)).isEqualTo(-1);
        assertThat(alphabets.register(ascii("0-9" + others.charAt(63)), false, 6)).isEqualTo(63);

        char last = others.charAt(63);
        char[] text = ("1234-5678 " + last + " 12345678" + last + "9").toCharArray();
        DigitChains chains = DigitChains.of(text, TextIndex.of(new String(text)).digitRuns(), alphabets);
        assertThat(chains.runsOf(63, 6)).as("'%s' joins the last two runs only", last).containsExactly(2, 3);
        assertThat(chains.runsOf(0, 8)).as("runs with 8 digits alone").containsExactly(2, 2);
    }

    /** The reference: each alphabet's maximal chains, walked run by run, kept when they hold enough digits. */
    private static int[] plainWalk(char[] text, int[] runs, boolean[] ascii, boolean anyLetter, int minDigits) {
        List<Integer> out = new ArrayList<>();
        int n = runs.length / 2;
        int first = 0;
        int digits = 0;
        for (int k = 0; k < n; k++) {
            digits += runs[2 * k + 1] - runs[2 * k];
            boolean joined = k + 1 < n;
            for (int i = runs[2 * k + 1]; joined && i < runs[2 * k + 2]; i++) {
                char c = text[i];
                joined = c < 128 ? ascii[c] : anyLetter && Character.isLetterOrDigit(c);
            }
            if (!joined) {
                if (digits >= minDigits) {
                    out.add(first);
                    out.add(k);
                }
                first = k + 1;
                digits = 0;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** An ASCII table of ranges ({@code 0-9}) and single characters. */
    private static boolean[] ascii(String alphabet) {
        boolean[] table = new boolean[128];
        for (int i = 0; i < alphabet.length(); i++) {
            if (i + 2 < alphabet.length() && alphabet.charAt(i + 1) == '-') {
                Arrays.fill(table, alphabet.charAt(i), alphabet.charAt(i + 2) + 1, true);
                i += 2;
            } else {
                table[alphabet.charAt(i)] = true;
            }
        }
        return table;
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return b.toString();
    }
}
