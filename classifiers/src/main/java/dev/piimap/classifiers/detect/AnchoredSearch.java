package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Finds the matches of an RE2J pattern as {@link Matcher#find(int)} does (the leftmost start, then the
 * match RE2J prefers there), but runs the pattern only anchored, at the positions where an anchored
 * {@link RegexPrefilter} says a match may start. Meant for large patterns (alternations of dozens of
 * words) whose unanchored search starts new threads at every character: a DFA walk rejects most
 * positions after a character or two, and RE2J runs only where a match can begin. The result is exactly
 * that of {@code find}, since a match found anchored at the first possible start is the leftmost one.
 *
 * <p>Only for patterns whose matches do not depend on the text before their start: the pattern may
 * hold no {@code \b}, {@code \B} or {@code ^} (the constructor refuses them). Immutable and thread-safe;
 * the prefilter is built on first use.
 */
public final class AnchoredSearch {
    private final Pattern pattern;
    private final RegexPrefilter.Lazy starts;

    /** @throws IllegalArgumentException when the pattern holds an assertion that looks before a match */
    public AnchoredSearch(Pattern pattern) {
        String regex = pattern.pattern();
        if (looksBehind(regex)) {
            throw new IllegalArgumentException("an anchored search needs a pattern without \\b, \\B or ^: " + regex);
        }
        this.pattern = pattern;
        this.starts = new RegexPrefilter.Lazy(regex, true);
    }

    /** Whether {@code regex} holds {@code \b}, {@code \B} or {@code ^} outside a bracket class. */
    static boolean looksBehind(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                if (!inClass && i < regex.length() && (regex.charAt(i) == 'b' || regex.charAt(i) == 'B')) {
                    return true;
                }
            } else if (inClass) {
                // A ']' right after '[' or '[^' is a literal member, not the end of the class.
                inClass = c != ']' || regex.charAt(i - 1) == '[' || (regex.charAt(i - 1) == '^' && regex.charAt(i - 2) == '[');
            } else if (c == '[') {
                inClass = true;
            } else if (c == '^') {
                return true;
            }
        }
        return false;
    }

    public Pattern pattern() {
        return pattern;
    }

    /**
     * The first match in {@code text[from, to)} starting at or after {@code from} and before {@code to},
     * with positions in {@code text}; null when there is none. The pattern sees {@code to} as the end of
     * input ({@code $}). (Unlike {@code find}, an empty match at {@code to} itself is not reported.)
     */
    public Match find(CharSequence text, int from, int to) {
        for (int at = from; at < to; at++) {
            if (!starts.mayMatch(text, at, to)) {
                continue;
            }
            Matcher m = pattern.matcher(new TextView(text, at, to));
            if (m.lookingAt()) {
                int[] bounds = new int[2 * (m.groupCount() + 1)];
                for (int g = 0; g <= m.groupCount(); g++) {
                    int start = m.start(g);
                    bounds[2 * g] = start < 0 ? -1 : at + start;
                    bounds[2 * g + 1] = start < 0 ? -1 : at + m.end(g);
                }
                return new Match(bounds);
            }
        }
        return null;
    }

    /** One match: the bounds of the whole match (group 0) and of each group, -1 for a group that took no part. */
    public static final class Match {
        private final int[] bounds;

        private Match(int[] bounds) {
            this.bounds = bounds;
        }

        public int start(int group) {
            return bounds[2 * group];
        }

        public int end(int group) {
            return bounds[2 * group + 1];
        }
    }
}
