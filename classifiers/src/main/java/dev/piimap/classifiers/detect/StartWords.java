package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code starts-with} words of a pattern: finds, in text order, the positions where one of them
 * starts a word (see {@link TextIndex#startsWord}), compared with the text lower-cased character by
 * character. Only the word starts the shared {@link TextIndex} lists under each word's first letter
 * are tried, so the cost is a few comparisons per candidate word start, not one pass per word.
 * Immutable and thread-safe.
 */
final class StartWords {
    /** The words the index's per-prefix lists serve, grouped by list: two characters or more, the first a letter a-z. */
    private final char[][][] groups;
    /** Words that the per-prefix lists cannot serve, found with the plain search instead (see {@link #find}). */
    private final List<String> plain = new ArrayList<>();

    StartWords(List<String> lowerCaseWords) {
        Map<Integer, List<char[]>> byPrefix = new LinkedHashMap<>();
        for (String word : lowerCaseWords) {
            char first = word.charAt(0);
            // String.toLowerCase writes final sigma and supplementary letters differently from Character.toLowerCase.
            if (word.length() >= 2 && first >= 'a' && first <= 'z'
                    && word.chars().noneMatch(c -> c == '\u03c2' || Character.isSurrogate((char) c))) {
                int key = TextIndex.prefixKey(first, word.charAt(1));
                byPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(word.toCharArray());
            } else {
                plain.add(word);
            }
        }
        this.groups = byPrefix.values().stream().map(g -> g.toArray(new char[0][])).toArray(char[][][]::new);
    }

    /** Where one of the words starts a word in the text, ascending, each position once. */
    int[] find(TextIndex index) {
        char[] text = index.chars();
        TextIndex.IntList out = new TextIndex.IntList();
        int lists = 0;
        int[] starts = index.wordStartsByPrefix();
        for (char[][] group : groups) {
            int before = out.size();
            int key = TextIndex.prefixKey(group[0][0], group[0][1]);
            for (int k = index.wordStartsFrom(key), to = index.wordStartsFrom(key + 1); k < to; k++) {
                int at = starts[k];
                for (char[] word : group) {
                    if (matchesAt(text, at, word)) {
                        out.add(at);
                        break;
                    }
                }
            }
            if (out.size() > before) {
                lists++;
            }
        }
        if (!plain.isEmpty()) {
            String lower = lowerCase(index);
            for (String word : plain) {
                for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                    if (TextIndex.startsWord(text, at)) {
                        out.add(at);
                        lists = 2;
                    }
                }
            }
        }
        int[] found = out.toArray();
        return lists > 1 ? sortedDistinct(found, text.length) : found;
    }

    /**
     * {@code positions} (within a text of {@code length}) ascending, each once: sorted when they are few
     * next to the text, else through a bit per position (a pass over {@code length / 64} words).
     */
    static int[] sortedDistinct(int[] positions, int length) {
        if (positions.length < (length >> 9)) {
            java.util.Arrays.sort(positions);
            int n = 0;
            for (int i = 0; i < positions.length; i++) {
                if (n == 0 || positions[n - 1] != positions[i]) {
                    positions[n++] = positions[i];
                }
            }
            return n == positions.length ? positions : java.util.Arrays.copyOf(positions, n);
        }
        long[] bits = new long[(length >> 6) + 1];
        for (int at : positions) {
            bits[at >> 6] |= 1L << at;
        }
        return TextIndex.setBits(bits);
    }

    private static boolean matchesAt(char[] text, int at, char[] word) {
        if (at + word.length > text.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (TextIndex.lowerCaseChar(text[at + k]) != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** The text lower-cased with offsets kept (character by character when a letter's lower case is longer). */
    private static String lowerCase(TextIndex index) {
        String whole = index.lowerCase();
        if (whole.length() == index.length()) {
            return whole;
        }
        char[] lower = new char[index.length()];
        char[] text = index.chars();
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(text[i]);
        }
        return new String(lower);
    }
}
