package dev.piimap.classifiers.nlp;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PackedWordsTest {
    @Test
    void keysAreCaseBlindAndDistinctForDistinctWords() {
        assertThat(PackedWords.key("Street", 0, 6)).isEqualTo(PackedWords.key("sTREET", 0, 6)).isEqualTo(PackedWords.key("xstreetx", 1, 7));
        Random random = new Random(3);
        Map<Long, String> seen = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            char[] word = new char[1 + random.nextInt(PackedWords.MAX_LETTERS)];
            for (int k = 0; k < word.length; k++) {
                word[k] = (char) ('a' + random.nextInt(random.nextBoolean() ? 2 : 26));
            }
            String w = new String(word);
            long key = PackedWords.key(w, 0, w.length());
            assertThat(key).isPositive();
            String before = seen.putIfAbsent(key, w);
            assertThat(before == null || before.equals(w)).as("%s and %s share a key", before, w).isTrue();
        }
    }

    @Test
    void wordsThatDoNotPackAreRefused() {
        for (String w : List.of("", "abcdefghijklm", "o'neil", "jean-luc", "straße", "a1", "AB_", "@bc", "[x", "`a", "{z")) {
            assertThat(PackedWords.key(w, 0, w.length())).as(w).isEqualTo(PackedWords.UNPACKABLE);
        }
        assertThat(PackedWords.key("abcdefghijkl", 0, 12)).isNotEqualTo(PackedWords.UNPACKABLE);
    }

    @Test
    void theTableAnswersAsTheMapItWasBuiltFrom() {
        Map<String, Byte> values = new HashMap<>();
        Random random = new Random(9);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            char[] word = new char[1 + random.nextInt(14)];
            for (int k = 0; k < word.length; k++) {
                word[k] = (char) ('a' + random.nextInt(26));
            }
            words.add(new String(word));
            if (i % 2 == 0) {
                values.put(words.get(i), (byte) (i % 200));
            }
        }
        PackedWords table = new PackedWords(values);
        for (String w : words) {
            long key = PackedWords.key(w, 0, w.length());
            if (key != PackedWords.UNPACKABLE) {
                assertThat(table.get(key, (byte) -1)).as(w).isEqualTo(values.getOrDefault(w, (byte) -1));
            } else {
                assertThat(w.length()).isGreaterThan(PackedWords.MAX_LETTERS);
            }
        }
    }

    /** The lexicon's packed answer is its String answer, for every gazetteer word, every cue and random words. */
    @Test
    void lexiconFlagsLookedUpPackedAgreeWithTheStringLookUp() throws Exception {
        NameLexicon lexicon = NameLexicon.shipped();
        Set<String> words = new HashSet<>(NameLexicon.TITLES);
        words.addAll(NameLexicon.STRONG_LABELS);
        words.addAll(NameLexicon.LABELS);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                NameLexicon.class.getClassLoader().getResourceAsStream(NameLexicon.GAZETTEER)), StandardCharsets.UTF_8))) {
            in.lines().forEach(line -> words.add(line.substring(0, line.indexOf('\t'))));
        }
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            char[] word = new char[1 + random.nextInt(13)];
            for (int k = 0; k < word.length; k++) {
                word[k] = (char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26));
            }
            words.add(new String(word));
        }
        int packed = 0;
        int names = 0;
        for (String w : words) {
            String capitalised = w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
            int flags = lexicon.packedFlags(capitalised, 0, capitalised.length());
            if (flags < 0) {
                continue;
            }
            packed++;
            String lower = capitalised.toLowerCase(Locale.ROOT);
            int expected = lexicon.flagsOf(lower) | (NameLexicon.isCue(lower) ? NameLexicon.CUE : 0);
            assertThat(flags).as(w).isEqualTo(expected);
            names += (flags & (NameLexicon.GIVEN | NameLexicon.FAMILY)) != 0 ? 1 : 0;
        }
        assertThat(packed).isGreaterThan(50_000);
        assertThat(names).isGreaterThan(20_000);
    }
}
