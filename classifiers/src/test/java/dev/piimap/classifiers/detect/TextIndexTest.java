package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared facts of a text equal what a plain pass over it finds. */
class TextIndexTest {
    @Test
    void positionsOfASetAreEveryPositionOfItsCharacters() {
        Random random = new Random(3);
        String chars = "ab:.-=@ 01\néЖ€";
        String[] sets = {":", ".:", ":.-", "é", "é€:", "@", "xyz", "\n", "Ж=b"};
        for (int i = 0; i < 200; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(300);
            for (int k = 0; k < length; k++) {
                b.append(chars.charAt(random.nextInt(chars.length())));
            }
            String text = b.toString();
            TextIndex index = TextIndex.of(text);
            for (String set : sets) {
                int[] expected = IntStream.range(0, text.length()).filter(p -> set.indexOf(text.charAt(p)) >= 0).toArray();
                assertThat(index.positionsOf(set)).as("'%s' in '%s'", set, text).containsExactly(expected);
            }
            int[] outside = IntStream.range(0, text.length()).filter(p -> text.charAt(p) >= 128).toArray();
            assertThat(index.positionsOutsideAscii()).containsExactly(outside);
        }
    }

    @Test
    void wordStartsByPrefixAreEveryWordStartWithThatPrefixInTextOrder() {
        Random random = new Random(4);
        // Outside ASCII: letters with and without case, one whose lower case is ASCII (the dotted capital I,
        // the Kelvin sign), a title-case letter, a digit, a surrogate pair.
        String[] pieces = {"ab", "Ab", "aB", "ba", "Zz", "q", "é", "Ж", " ", "-", "1", "_", "userName", "x\n",
            "\u0130stanbul", "\u212Aelvin", "\u01C5", "\u4E2D", "\u0663", "\uD83D\uDE00"};
        for (int i = 0; i < 400; i++) {
            // From a few word starts (sorted by insertion) to many (counting sort).
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(i < 200 ? 20 : 120);
            for (int k = 0; k < length; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            char[] text = b.toString().toCharArray();
            TextIndex index = TextIndex.of(b);
            int[] starts = index.wordStartsByPrefix();
            for (int key = 0; key < 26 * 27; key++) {
                int k = key;
                int[] expected = IntStream.range(0, text.length - 1).filter(p -> TextIndex.startsWord(text, p)
                        && Character.isLetter(text[p]) && TextIndex.lowerCaseChar(text[p]) >= 'a' && TextIndex.lowerCaseChar(text[p]) <= 'z'
                        && TextIndex.prefixKey(TextIndex.lowerCaseChar(text[p]), TextIndex.lowerCaseChar(text[p + 1])) == k).toArray();
                int from = index.wordStartsFrom(key);
                int to = index.wordStartsFrom(key + 1);
                assertThat(java.util.Arrays.copyOfRange(starts, from, to)).as("key %d in '%s'", key, b).containsExactly(expected);
            }
        }
    }

    @Test
    void countsDigitRunsAndWordStartsInOrderEqualAPlainPass() {
        Random random = new Random(5);
        String[] pieces = {"0", "12", "2024-11-30", "a", "Bc", " ", "  ", "é", "\u0130", "\u212A", "\u4E2D", "\u0663", "x9", "9x",
            "\t", "~", "\u007F", "\u0080"};
        for (int i = 0; i < 600; i++) {
            StringBuilder b = new StringBuilder();
            // Lengths around the 64-character blocks of the pass, and a few long texts.
            int target = i < 500 ? random.nextInt(200) : 1000 + random.nextInt(5000);
            while (b.length() < target) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            char[] chars = text.toCharArray();
            TextIndex index = TextIndex.of(text);
            for (char c = 0; c < 128; c++) {
                char k = c;
                assertThat(index.count(c)).as("count of %d in '%s'", (int) c, text).isEqualTo((int) text.chars().filter(x -> x == k).count());
            }
            assertThat(index.digitCount()).isEqualTo((int) text.chars().filter(x -> x >= '0' && x <= '9').count());
            // Asked of a fresh index, in a random order, before any count of a digit or letter is known.
            TextIndex fresh = TextIndex.of(text);
            for (int asked = 0; asked < 40; asked++) {
                char c = (char) (asked % 3 == 0 ? '0' + random.nextInt(10) : random.nextInt(128));
                assertThat(fresh.contains(c)).as("contains %d in '%s'", (int) c, text).isEqualTo(text.indexOf(c) >= 0);
            }
            IntStream.Builder runs = IntStream.builder();
            for (int p = 0; p < chars.length; p++) {
                boolean digit = TextIndex.isDigit(chars[p]);
                boolean digitBefore = p > 0 && TextIndex.isDigit(chars[p - 1]);
                if (digit != digitBefore) {
                    runs.add(p);
                }
            }
            if (chars.length > 0 && TextIndex.isDigit(chars[chars.length - 1])) {
                runs.add(chars.length);
            }
            assertThat(index.digitRuns()).as("digit runs of '%s'", text).containsExactly(runs.build().toArray());
            int[] starts = IntStream.range(0, chars.length - 1).filter(p -> TextIndex.startsWord(chars, p)
                    && Character.isLetter(chars[p]) && TextIndex.lowerCaseChar(chars[p]) >= 'a' && TextIndex.lowerCaseChar(chars[p]) <= 'z').toArray();
            assertThat(index.wordStartsInOrder()).as("word starts of '%s'", text).containsExactly(starts);
            assertThat(index.wordStartKeysInOrder()).containsExactly(IntStream.of(starts)
                    .map(p -> TextIndex.prefixKey(TextIndex.lowerCaseChar(chars[p]), TextIndex.lowerCaseChar(chars[p + 1]))).toArray());
        }
    }

    @Test
    void aTextAfterAHugeOneIsIndexedAsAlone() {
        // The pass keeps its lists per thread; a huge text grows them past what is kept.
        String huge = "ab 1. ".repeat(400_000);
        String small = "Call 0151 35403064 or mail a@b.de; id=7";
        TextIndex first = TextIndex.of(huge);
        assertThat(first.wordStartsInOrder()).hasSize(400_000);
        assertThat(first.digitRuns()).hasSize(800_000);
        TextIndex after = TextIndex.of(small);
        TextIndex before = TextIndex.of(small);
        assertThat(after.digitRuns()).containsExactly(5, 9, 10, 18, 38, 39);
        assertThat(after.wordStartsInOrder()).containsExactly(0, 19, 22, 27, 29, 31, 35);
        assertThat(after.positionsOf("@;=")).containsExactly(28, 33, 37);
        assertThat(after.count(' ')).isEqualTo(6);
        assertThat(after.count('0')).isEqualTo(3);
        assertThat(before.positionsOf("@")).containsExactly(28);
    }

    @Test
    void setBitsListsPositionsAscending() {
        long[] bits = new long[3];
        for (int p : new int[] {0, 63, 64, 130, 5}) {
            bits[p >> 6] |= 1L << p;
        }

        assertThat(TextIndex.setBits(bits)).containsExactly(0, 5, 63, 64, 130);
        assertThat(TextIndex.setBits(new long[2])).isEmpty();
    }

    @Test
    void stringIsTheTextItself() {
        StringBuilder builder = new StringBuilder("abc");
        String s = "abc";

        assertThat(TextIndex.of(s).string()).isSameAs(s);
        assertThat(TextIndex.of(builder).string()).isEqualTo("abc");
    }
}
