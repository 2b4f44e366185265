package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link StartWords#find} against a plain search, on both of its ways through the text. */
class StartWordsTest {
    private static final String[] PIECES = {"pass", "Password", "pwd", "passport", "page", "part", "in", "influx",
        "influxdb", "info", "co", "couchdb", "cockroachdb", "re", "redis", "rediss", "ab", "db2", "x", " ", " ", ". ",
        "_", "-", "9", "userPassword", "PASS", "hasło", "haslo", "Ω", "\n", "ü", "İnflux"};

    @Test
    void findsWhereAWordStartsWithOneOfTheWordsOnBothWays() {
        Random random = new Random(3);
        List<List<String>> lists = List.of(
                List.of("pass", "pwd", "hasło", "haslo"),
                List.of("influxdb", "couchdb", "cockroachdb", "redis", "rediss", "db2", "in"),
                List.of("passport", "page", "re"),
                List.of("x9", "ab"));
        int inOrder = 0;
        int byLists = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(60); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            TextIndex index = TextIndex.of(text);
            for (List<String> words : lists) {
                StartWords startWords = new StartWords(words);
                if (startWords.visitsInTextOrder(index)) {
                    inOrder++;
                } else {
                    byLists++;
                }
                assertThat(startWords.find(index)).as("%s in [%s]", words, text).containsExactly(plainSearch(text, words));
            }
        }
        assertThat(inOrder).isGreaterThan(1000);
        assertThat(byLists).isGreaterThan(1000);
    }

    @Test
    void patternsWithTheSameWordsShareOneSearchPerText() {
        StartWords a = StartWords.of(new ArrayList<>(List.of("pass", "pwd")));
        StartWords b = StartWords.of(List.of("pass", "pwd"));
        assertThat(b).isSameAs(a);
        assertThat(StartWords.of(List.of("pwd", "pass"))).isNotSameAs(a);
        TextIndex index = TextIndex.of("pass=1 pwd=2 passport");
        int[] first = a.find(index);
        assertThat(first).containsExactly(0, 7, 13);
        assertThat(b.find(index)).isSameAs(first);
        assertThat(a.find(TextIndex.of("pwd"))).containsExactly(0);
    }

    /** Every position where a word starts and, lower-cased character by character, one of the words follows. */
    private static int[] plainSearch(String text, List<String> words) {
        char[] chars = text.toCharArray();
        return IntStream.range(0, chars.length).filter(at -> TextIndex.startsWord(chars, at) && words.stream().anyMatch(w -> {
            if (at + w.length() > chars.length) {
                return false;
            }
            for (int k = 0; k < w.length(); k++) {
                if (Character.toLowerCase(chars[at + k]) != w.charAt(k)) {
                    return false;
                }
            }
            return true;
        })).toArray();
    }
}
