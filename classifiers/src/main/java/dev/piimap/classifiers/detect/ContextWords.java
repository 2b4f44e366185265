package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds context words near a match: case-insensitive, whole words only (the characters around a hit
 * are not letters, so "tel" is found in "tel:" and "tel.", not in "hotel"). The window is judged as
 * if cut out of the text and lower-cased with {@code toLowerCase(Locale.ROOT)}: its edges count as word
 * boundaries. Windows of Latin-1 text (the usual case) are searched in place, without copying: one
 * pass that tries, at each position where a word may start, only the words beginning with that
 * character. Immutable and thread-safe.
 */
final class ContextWords {
    private final List<String> words;
    private final char[][] chars;
    /** Per Latin-1 character, the indices of the words starting with it (lower case). */
    private final int[][] byFirstChar = new int[256][];
    /** Per Latin-1 character, whether its lower case starts one of the words. */
    private final boolean[] startsAWord = new boolean[256];
    /**
     * Every Latin-1 character whose lower case starts a word that {@link #anyIn} does not find through
     * the index's word starts (both cases of each first character).
     */
    private final String otherFirstChars;

    /** @throws IllegalArgumentException for an empty word (specs refuse them: it would be found everywhere) */
    ContextWords(List<String> lowerCaseWords) {
        if (lowerCaseWords.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("context words must not be empty");
        }
        this.words = List.copyOf(lowerCaseWords);
        this.chars = new char[words.size()][];
        List<List<Integer>> first = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            first.add(new ArrayList<>());
        }
        for (int w = 0; w < words.size(); w++) {
            chars[w] = words.get(w).toCharArray();
            char c = chars[w][0];
            if (c < 256) {
                first.get(c).add(w);
            }
        }
        for (int i = 0; i < 256; i++) {
            byFirstChar[i] = first.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        for (char c = 0; c < 256; c++) {
            startsAWord[c] = byFirstChar[TextIndex.lowerCaseChar(c)].length > 0;
        }
        StringBuilder starts = new StringBuilder();
        for (char c = 0; c < 256; c++) {
            for (int w : byFirstChar[TextIndex.lowerCaseChar(c)]) {
                if (!byPrefix(chars[w])) {
                    starts.append(c);
                    break;
                }
            }
        }
        this.otherFirstChars = starts.toString();
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The words found in {@code text[from, to)} (clamped to the text), in spec order, each once. */
    List<String> hits(TextIndex text, int from, int to) {
        if (words.isEmpty()) {
            return List.of();
        }
        char[] t = text.chars();
        int start = Math.max(0, from);
        int end = Math.min(t.length, to);
        if (end <= start) {
            return List.of();
        }
        boolean[] found = null;
        for (int at = start; at < end; at++) {
            char c = t[at];
            if (c >= 256) {
                return hitsInCopy(text.text().subSequence(start, end).toString().toLowerCase(Locale.ROOT));
            }
            // Most characters start no word: one table read passes them.
            if (!startsAWord[c] || (at > start && Character.isLetter(t[at - 1]))) {
                continue;
            }
            for (int w : byFirstChar[TextIndex.lowerCaseChar(c)]) {
                if ((found == null || !found[w]) && matchesAt(t, at, end, chars[w])) {
                    if (found == null) {
                        found = new boolean[words.size()];
                    }
                    found[w] = true;
                }
            }
        }
        if (found == null) {
            return List.of();
        }
        List<String> hits = new ArrayList<>(2);
        for (int w = 0; w < found.length; w++) {
            if (found[w]) {
                hits.add(words.get(w));
            }
        }
        return hits;
    }

    /**
     * Whether any of the words occurs in the whole text: exactly {@code !hits(text, 0, text.length()).isEmpty()}.
     * In Latin-1 text only the places where a word can begin are tried: for a word of two or more
     * characters starting with a letter a-z, the index's word starts with its first two letters (shared
     * with other detectors), plus the letters right after a digit, which start a word here but not in
     * the index; for the other words, the positions of their first characters.
     */
    boolean anyIn(TextIndex text) {
        if (words.isEmpty()) {
            return false;
        }
        char[] t = text.chars();
        if (!isLatin1(t, text.positionsOutsideAscii())) {
            return !hits(text, 0, t.length).isEmpty();
        }
        int[] starts = null;
        for (char[] word : chars) {
            if (!byPrefix(word)) {
                continue;
            }
            starts = starts == null ? text.wordStartsByPrefix() : starts;
            int key = TextIndex.prefixKey(word[0], word[1]);
            for (int k = text.wordStartsFrom(key), end = text.wordStartsFrom(key + 1); k < end; k++) {
                int at = starts[k];
                if (!(at > 0 && Character.isLetter(t[at - 1])) && matchesAt(t, at, t.length, word)) {
                    return true;
                }
            }
        }
        if (starts != null) {
            int[] digitRuns = text.digitRuns();
            for (int r = 1; r < digitRuns.length; r += 2) {
                int at = digitRuns[r];
                if (at < t.length && anyByPrefixAt(t, at)) {
                    return true;
                }
            }
        }
        if (otherFirstChars.isEmpty()) {
            return false;
        }
        for (int at : text.positionsOf(otherFirstChars)) {
            if (at > 0 && Character.isLetter(t[at - 1])) {
                continue;
            }
            for (int w : byFirstChar[TextIndex.lowerCaseChar(t[at])]) {
                if (!byPrefix(chars[w]) && matchesAt(t, at, t.length, chars[w])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@link #anyIn} finds {@code word} through the index's word starts: two or more characters, the first a-z. */
    private static boolean byPrefix(char[] word) {
        return word.length >= 2 && word[0] >= 'a' && word[0] <= 'z';
    }

    /** Whether one of the words found through the index's word starts is at {@code at}. */
    private boolean anyByPrefixAt(char[] t, int at) {
        for (int w : byFirstChar[TextIndex.lowerCaseChar(t[at])]) {
            if (byPrefix(chars[w]) && matchesAt(t, at, t.length, chars[w])) {
                return true;
            }
        }
        return false;
    }

    /** Whether every one of the {@code positions} (those of the characters outside ASCII) holds a Latin-1 character. */
    private static boolean isLatin1(char[] t, int[] positions) {
        for (int at : positions) {
            if (t[at] >= 256) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words within {@code window} characters of {@code [start, end)}; when there are none and the
     * match sits in a data row of delimited text, the words in its column's header instead
     * ({@code date_of_birth}, {@code "Mobile"}), however far above the row it is.
     */
    List<String> hitsNear(TextIndex text, int start, int end, int window, DelimitedHeaders headers) {
        List<String> near = hits(text, start - window, end + window);
        return near.isEmpty() && headers != null ? columnHits(text, start, end, headers, false) : near;
    }

    /**
     * The words in the header of the column holding {@code [start, end)} in delimited text; empty
     * outside a data row under a header, and when {@code wholeCell} and the match is not all of its
     * cell (apart from spaces and quotes).
     */
    List<String> columnHits(TextIndex text, int start, int end, DelimitedHeaders headers, boolean wholeCell) {
        if (words.isEmpty()) {
            return List.of();
        }
        DelimitedHeaders.Column column = headers.columnAt(start);
        if (column == null || (wholeCell && (column.cellStart() != start || column.cellEnd() != end))) {
            return List.of();
        }
        return hits(text, column.headerStart(), column.headerEnd());
    }

    /** Whether {@code word} is at {@code at} in Latin-1 text and ends a word there (or at {@code end}). */
    private static boolean matchesAt(char[] t, int at, int end, char[] word) {
        int after = at + word.length;
        if (after > end) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (TextIndex.lowerCaseChar(t[at + k]) != word[k]) {
                return false;
            }
        }
        return after == end || !Character.isLetter(t[after]);
    }

    private List<String> hitsInCopy(String window) {
        List<String> hits = new ArrayList<>(2);
        for (String word : words) {
            if (containsWord(window, word)) {
                hits.add(word);
            }
        }
        return hits;
    }

    private static boolean containsWord(String window, String word) {
        for (int at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
            int after = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetter(window.charAt(at - 1));
            boolean endsWord = after == window.length() || !Character.isLetter(window.charAt(after));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
