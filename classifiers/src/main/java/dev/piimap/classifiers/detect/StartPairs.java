package dev.piimap.classifiers.detect;

import java.util.Arrays;
import java.util.List;

/**
 * The pairs of first characters (case-sensitive, ASCII, the first a letter) that every match of a
 * pattern starts with, read off its anchored {@link RegexPrefilter}: {@code AK}, {@code AS}, {@code AB},
 * {@code AC} for {@code (?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}}. A reported match never follows a letter,
 * a digit or {@code _} (the engine's boundary rule), so it starts at a word start the shared
 * {@link TextIndex} lists under its first two characters: finding the pattern's possible starts costs a
 * look at a few lists, and a spec whose patterns all have pairs only searches the regions holding one.
 * Immutable and thread-safe.
 */
final class StartPairs {
    /** Most pairs a pattern may have to be anchored this way (more would read most word starts). */
    static final int MAX_PAIRS = 32;

    private final boolean[] pairs = new boolean[128 * 128];
    /** The index's prefix keys of the pairs, ascending, each once. */
    private final int[] keys;

    /** @param pairs the pairs as {@code 128 * first + second}, firsts ASCII letters (see {@link RegexPrefilter#startPairs}) */
    StartPairs(int[] pairs) {
        int[] keyOf = new int[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            this.pairs[pairs[k]] = true;
            keyOf[k] = TextIndex.prefixKey(TextIndex.lowerCaseChar((char) (pairs[k] >> 7)),
                    TextIndex.lowerCaseChar((char) (pairs[k] & 127)));
        }
        this.keys = Arrays.stream(keyOf).sorted().distinct().toArray();
    }

    /**
     * Per pattern of {@code patterns}, its pairs when every pattern tried everywhere (not
     * {@code starts-with}) has some, else null: a spec is anchored by pairs only as a whole. Null too
     * when all patterns are {@code starts-with}. Builds one anchored automaton per pattern, stopping at
     * the first pattern without pairs.
     */
    static StartPairs[] of(List<CompiledPattern> patterns) {
        StartPairs[] out = new StartPairs[patterns.size()];
        boolean any = false;
        for (int p = 0; p < out.length; p++) {
            CompiledPattern pattern = patterns.get(p);
            if (pattern.startWords() != null) {
                continue;
            }
            RegexPrefilter anchored = RegexPrefilter.of(pattern.spec().regex(), true);
            int[] pairs = anchored == null ? null : anchored.startPairs(MAX_PAIRS);
            if (pairs == null) {
                return null;
            }
            out[p] = new StartPairs(pairs);
            any = true;
        }
        return any ? out : null;
    }

    /** Where a word starts with one of the pairs, ascending, each position once. */
    int[] find(TextIndex index) {
        char[] text = index.chars();
        int[] starts = index.wordStartsByPrefix();
        TextIndex.IntList out = new TextIndex.IntList();
        int lists = 0;
        for (int key : keys) {
            int before = out.size();
            for (int k = index.wordStartsFrom(key), to = index.wordStartsFrom(key + 1); k < to; k++) {
                int at = starts[k];
                // The index lists a word start only when a character follows it.
                char first = text[at];
                char second = text[at + 1];
                if (first < 128 && second < 128 && pairs[128 * first + second]) {
                    out.add(at);
                }
            }
            lists += out.size() > before ? 1 : 0;
        }
        int[] found = out.toArray();
        return lists > 1 ? StartWords.sortedDistinct(found, text.length) : found;
    }
}
