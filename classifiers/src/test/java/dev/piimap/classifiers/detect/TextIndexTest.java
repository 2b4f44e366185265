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
        String[] pieces = {"ab", "Ab", "aB", "ba", "Zz", "q", "é", "Ж", " ", "-", "1", "_", "userName", "x\n"};
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
