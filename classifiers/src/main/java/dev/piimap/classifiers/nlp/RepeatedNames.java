package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.detect.Evidence;
import dev.piimap.classifiers.detect.Finding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One name, one person per text: once the model has found a name with confidence, its other
 * occurrences in the same text are names too, even where the context alone says little
 * ({@code Henry:} opening a chat line after {@code Hi Henry}). A repeat is a run of capitalised words
 * equal to a confident finding, or a single capitalised word standing alone that is one of its words
 * (the gazetteer must know the word as a name, or the finding must be very confident). Repeats score
 * {@value #REPEAT_SCORE}, below an address's street line with its town, so an address still wins.
 * One pass over the text; allocates only for capitalised words.
 */
final class RepeatedNames {
    /** Findings at least this confident are looked for again. */
    static final double SOURCE_SCORE = 0.75;
    /** Words the gazetteer does not know as names (or knows as common words) repeat only from findings this confident. */
    static final double SOURCE_SCORE_UNKNOWN = 0.9;
    static final double REPEAT_SCORE = 0.7;

    private RepeatedNames() {
    }

    /** {@code found} plus the repeats of its confident names, in no particular order. */
    static List<Finding> withRepeats(CharSequence text, List<Finding> found, NameLexicon lexicon) {
        Set<String> names = new HashSet<>();
        Set<String> words = new HashSet<>();
        for (Finding f : found) {
            if (f.score() < SOURCE_SCORE) {
                continue;
            }
            String name = text.subSequence(f.start(), f.end()).toString();
            names.add(name);
            for (String w : name.split("[ ,]+")) {
                String lower = w.toLowerCase(Locale.ROOT);
                boolean word = w.length() >= 2 && Character.isUpperCase(w.charAt(0)) && !w.endsWith(".")
                        && !NameLexicon.PARTICLES.contains(lower);
                if (word && (lexicon.isName(lower) || f.score() >= SOURCE_SCORE_UNKNOWN)) {
                    words.add(w);
                }
            }
        }
        if (names.isEmpty()) {
            return found;
        }
        List<Finding> out = new ArrayList<>(found);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isUpperCase(text.charAt(i)) || i > 0 && isWordChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            // A run of capitalised words joined by single spaces.
            int start = i;
            int end = PersonCandidates.wordEnd(text, i + 1, n);
            int count = 1;
            while (end + 1 < n && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1))) {
                end = PersonCandidates.wordEnd(text, end + 2, n);
                count++;
            }
            i = end;
            String run = text.subSequence(start, end).toString();
            boolean repeat = names.contains(run) || count == 1 && words.contains(run);
            if (repeat && !covered(found, start, end) && endsWord(text, end)) {
                out.add(new Finding(EntityType.PERSON, start, end, REPEAT_SCORE, PersonDetector.ID,
                        new Evidence("name-repeat", lexicon.isName(run.toLowerCase(Locale.ROOT)) ? "gazetteer" : null, List.of(),
                                REPEAT_SCORE, REPEAT_SCORE)));
            }
        }
        return out;
    }

    /** Whether a word ends at {@code end}: a sentence's full stop may follow, the dot of an e-mail or host may not. */
    private static boolean endsWord(CharSequence text, int end) {
        int n = text.length();
        if (end >= n) {
            return true;
        }
        char c = text.charAt(end);
        if (c == '.') {
            return end + 1 >= n || !isWordChar(text.charAt(end + 1));
        }
        return !isWordChar(c);
    }

    private static boolean covered(List<Finding> found, int start, int end) {
        for (Finding f : found) {
            if (f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.';
    }
}
