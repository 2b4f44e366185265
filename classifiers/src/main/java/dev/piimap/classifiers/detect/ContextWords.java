package dev.piimap.classifiers.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds context words near a match: case-insensitive, whole words only (the characters around a hit
 * are not letters, so "tel" is found in "tel:" and "tel.", not in "hotel"). Immutable.
 */
final class ContextWords {
    private final List<String> words;

    ContextWords(List<String> lowerCaseWords) {
        this.words = List.copyOf(lowerCaseWords);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The words found in {@code text[from, to)}, in spec order, each once. */
    List<String> hits(CharSequence text, int from, int to) {
        if (words.isEmpty()) {
            return List.of();
        }
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        if (end <= start) {
            return List.of();
        }
        String window = text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
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
