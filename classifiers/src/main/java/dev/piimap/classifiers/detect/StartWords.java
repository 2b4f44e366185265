package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code starts-with} words of a pattern: finds, in text order, the positions where one of them
 * starts a word (see {@link TextIndex#startsWord}), compared with the text lower-cased character by
 * character. Only the word starts the shared {@link TextIndex} lists under each word's first letter
 * are tried, so the cost is a few comparisons per candidate word start, not one pass per word. When
 * those lists hold a large share of the text's word starts (words with common prefixes: {@code in},
 * {@code co}, {@code re}), one pass over every word start in text order costs less than visiting the
 * lists one by one and merging what they found.
 *
 * <p>Patterns with the same words share one instance ({@link #of}), and what it finds in a text is
 * kept in that text's {@link TextIndex}, so a spec whose patterns share a label list (a password
 * after {@code :}, after {@code =}, in quotes) looks for the words once. Immutable and thread-safe.
 */
final class StartWords {
    /** One instance per word list, so that patterns with the same words share what they find in a text. */
    private static final Map<List<String>, StartWords> SHARED = new ConcurrentHashMap<>();
    /** No group: {@link #groupOfKey} of a prefix that none of the words has. */
    private static final byte NO_GROUP = -1;

    /** The words the index's per-prefix lists serve, grouped by list: two characters or more, the first a letter a-z. */
    private final char[][][] groups;
    /** The prefix key of each group. */
    private final int[] groupKeys;
    /**
     * For each group, the third characters its words may have, as bits of {@link #thirdCharBit}: most word
     * starts with a common prefix ({@code pa} of {@code page}, {@code part}) are ruled out by that one
     * character, before any word is compared.
     */
    private final int[] thirdChars;
    /** For each prefix key, the index of its group, or {@link #NO_GROUP}; null when there are more groups than a byte counts. */
    private final byte[] groupOfKey;
    /** Words that the per-prefix lists cannot serve, found with the plain search instead (see {@link #find}). */
    private final List<String> plain = new ArrayList<>();

    /** The shared instance for {@code lowerCaseWords}. */
    static StartWords of(List<String> lowerCaseWords) {
        return SHARED.computeIfAbsent(List.copyOf(lowerCaseWords), StartWords::new);
    }

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
        this.groupKeys = byPrefix.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.thirdChars = new int[groups.length];
        for (int g = 0; g < groups.length; g++) {
            for (char[] word : groups[g]) {
                // A two-letter word matches whatever follows it.
                thirdChars[g] |= word.length > 2 ? thirdCharBit(word[2]) : -1;
            }
        }
        if (groups.length <= Byte.MAX_VALUE) {
            groupOfKey = new byte[TextIndex.PREFIX_KEYS];
            Arrays.fill(groupOfKey, NO_GROUP);
            for (int g = 0; g < groupKeys.length; g++) {
                groupOfKey[groupKeys[g]] = (byte) g;
            }
        } else {
            groupOfKey = null;
        }
    }

    /**
     * Where one of the words starts a word in the text, ascending, each position once. The array is
     * kept in the index and shared with the other callers on that text: callers must not modify it.
     */
    int[] find(TextIndex index) {
        int[] found = index.startWordHits(this);
        if (found == null) {
            found = search(index);
            index.rememberStartWordHits(this, found);
        }
        return found;
    }

    private int[] search(TextIndex index) {
        char[] text = index.chars();
        TextIndex.IntList out = new TextIndex.IntList();
        int lists = 0;
        if (visitsInTextOrder(index)) {
            inTextOrder(index, out);
            lists = 1;
        } else {
            int[] starts = index.wordStartsByPrefix();
            for (int g = 0; g < groups.length; g++) {
                char[][] group = groups[g];
                int third = thirdChars[g];
                int before = out.size();
                int key = groupKeys[g];
                for (int k = index.wordStartsFrom(key), to = index.wordStartsFrom(key + 1); k < to; k++) {
                    int at = starts[k];
                    if ((third & thirdCharBit(text, at + 2)) == 0) {
                        continue;
                    }
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
     * The lists are visited in text order, in one pass over every word start, when they hold more than
     * this share (as a right shift) of all of them: then the pass costs about as much as the lists and
     * saves merging them.
     */
    private static final int IN_ORDER_SHARE_SHIFT = 2;

    /** Whether {@link #find} visits every word start of the text in text order rather than the lists of the words' prefixes. */
    boolean visitsInTextOrder(TextIndex index) {
        if (groupOfKey == null || groups.length < 2) {
            return false;
        }
        int inLists = 0;
        for (int key : groupKeys) {
            inLists += index.wordStartCount(key, key + 1);
        }
        return inLists > (index.wordStartsInOrder().length >> IN_ORDER_SHARE_SHIFT);
    }

    /**
     * Tries each word start of the text, in text order, against the words of its prefix's group: first
     * the word starts with a group are picked without a branch (which of them has one is as good as
     * random, so a branch would often be mispredicted), then their third character and words are compared.
     */
    private void inTextOrder(TextIndex index, TextIndex.IntList out) {
        char[] text = index.chars();
        int[] starts = index.wordStartsInOrder();
        int[] keys = index.wordStartKeysInOrder();
        int[] picked = new int[starts.length];
        int n = 0;
        for (int k = 0; k < keys.length; k++) {
            picked[n] = k;
            n += (groupOfKey[keys[k]] >>> 31) ^ 1;
        }
        for (int j = 0; j < n; j++) {
            int k = picked[j];
            int g = groupOfKey[keys[k]];
            int at = starts[k];
            if ((thirdChars[g] & thirdCharBit(text, at + 2)) != 0) {
                for (char[] word : groups[g]) {
                    if (matchesAt(text, at, word)) {
                        out.add(at);
                        break;
                    }
                }
            }
        }
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

    /** The bit of a (lower-case) third character: a-z each their own, every other character bit 26. */
    private static int thirdCharBit(char lower) {
        return 1 << (lower >= 'a' && lower <= 'z' ? lower - 'a' : 26);
    }

    /**
     * {@link #thirdCharBit} of the character at {@code at} lower-cased; past the end of the text, the bit of
     * every other character, which a two-letter word (it fits) accepts like anything else.
     */
    private static int thirdCharBit(char[] text, int at) {
        return thirdCharBit(at < text.length ? TextIndex.lowerCaseChar(text[at]) : ' ');
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
