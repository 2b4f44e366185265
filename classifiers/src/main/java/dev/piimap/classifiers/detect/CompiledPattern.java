package dev.piimap.classifiers.detect;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.Set;

/**
 * One pattern of a {@link SpecDetector}, compiled: the RE2J regex and what lets the engine skip it
 * cheaply where it cannot match. Immutable and thread-safe.
 *
 * @param spec          the pattern as written
 * @param regex         the RE2J regex ({@code ^}-anchored for {@code starts-with} patterns)
 * @param hasValue      whether the regex holds the group {@value DetectorSpec.NamedPattern#VALUE_GROUP}, the reported span
 * @param needs         the ASCII characters of {@code needs}, one of which a region must hold; null when there are none
 * @param startWords    the {@code starts-with} words; null when the pattern is tried everywhere
 * @param prefilter     tells where the regex cannot match (anchored for {@code starts-with} patterns), built on
 *                      first use; it lets everything through when the regex is beyond it
 * @param literalPrefix whether the regex starts with a few fixed characters, which RE2J finds faster than the
 *                      prefilter in a long region
 * @param memo          RE2J's matches in short windows by shape (for patterns tried everywhere)
 * @param literal       characters every match starts with (case-sensitive), so a text without them has none; null
 *                      when the regex starts otherwise
 * @param neededAscii   the ASCII characters of {@code needs}, each once (for {@link #mayOccur}); empty when there are none
 * @param needsOutsideAscii whether {@code needs} holds a character outside ASCII, which the text's counts do not cover
 * @param neededLow   {@code neededAscii} below 64 as a bit set
 * @param neededHigh  {@code neededAscii} from 64 to 127 as a bit set (bit {@code c & 63})
 * @param backAnchor  where matches can start, found from a literal inside them (for patterns tried everywhere
 *                    whose regex has that form); null otherwise
 * @param anchoredDfa finds the match RE2J's {@code lookingAt()} finds, built on first use; null for a pattern
 *                    with a value group, whose bounds only RE2J tells
 */
record CompiledPattern(DetectorSpec.NamedPattern spec, Pattern regex, boolean hasValue, boolean[] needs,
                       StartWords startWords, RegexPrefilter.Lazy prefilter, boolean literalPrefix, ShapeMemo.Lazy memo,
                       String literal, char[] neededAscii, boolean needsOutsideAscii, long neededLow, long neededHigh,
                       BackAnchor backAnchor, OnFirstUse<AnchoredDfa> anchoredDfa) {

    /**
     * Compiles one pattern of a spec whose {@code shrink-on-fail} is {@code shrinkOnFail}.
     *
     * @throws IllegalArgumentException naming the pattern, when the regex does not compile or names a group
     *     other than {@value DetectorSpec.NamedPattern#VALUE_GROUP}, or has that group and may shrink
     */
    static CompiledPattern of(DetectorSpec.NamedPattern p, int shrinkOnFail) {
        Pattern regex;
        try {
            // A starts-with pattern is matched with lookingAt(); RE2J stops an anchored search as soon as
            // no thread is left only when the regex itself starts with ^, else it steps to the end of
            // the text: without it every attempt would cost the rest of the text.
            regex = Pattern.compile(p.startsWith().isEmpty() ? p.regex() : "^(?:" + p.regex() + ")");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + p.name() + "' does not compile (" + e.getDescription()
                    + "): fix the regex; RE2 syntax has no lookaround and no backreferences", e);
        }
        Set<String> groups = regex.namedGroups().keySet();
        for (String group : groups) {
            if (!group.equals(DetectorSpec.NamedPattern.VALUE_GROUP)) {
                throw new IllegalArgumentException("pattern '" + p.name() + "' names the group '" + group
                        + "': the only named group is '" + DetectorSpec.NamedPattern.VALUE_GROUP
                        + "' (the reported span); make the others non-capturing, (?:...)");
            }
        }
        boolean hasValue = !groups.isEmpty();
        if (hasValue && shrinkOnFail > 0) {
            throw new IllegalArgumentException("pattern '" + p.name() + "' has a '" + DetectorSpec.NamedPattern.VALUE_GROUP
                    + "' group and 'shrink-on-fail' is " + shrinkOnFail
                    + ": a value group cannot shrink; remove shrink-on-fail or the group");
        }
        boolean anchored = !p.startsWith().isEmpty();
        boolean[] needs = asciiTable(p.needs());
        char[] needed = marked(needs);
        return new CompiledPattern(p, regex, hasValue, needs,
                anchored ? StartWords.of(p.startsWith()) : null, new RegexPrefilter.Lazy(p.regex(), anchored),
                RegexPrefilter.hasLiteralPrefix(p.regex(), 3), new ShapeMemo.Lazy(p.regex(), regex, hasValue),
                RegexPrefilter.literalPrefix(p.regex(), 3), needed, p.needs().chars().anyMatch(c -> c >= 128),
                bits(needed, 0), bits(needed, 64), anchored ? null : BackAnchor.of(p.regex()),
                hasValue ? null : new OnFirstUse<>(() -> AnchoredDfa.of(p.regex())));
    }

    /** The ASCII characters of {@code chars} as a table; null for an empty string. */
    private static boolean[] asciiTable(String chars) {
        if (chars.isEmpty()) {
            return null;
        }
        boolean[] table = new boolean[128];
        chars.chars().filter(c -> c < 128).forEach(c -> table[c] = true);
        return table;
    }

    /** The characters marked in {@code table}, ascending; empty for a null table. */
    private static char[] marked(boolean[] table) {
        StringBuilder out = new StringBuilder();
        for (char c = 0; table != null && c < table.length; c++) {
            if (table[c]) {
                out.append(c);
            }
        }
        return out.toString().toCharArray();
    }

    /**
     * False when none of the characters the pattern {@code needs} occurs anywhere in the text, or the
     * characters every match starts with do not occur where a match could be reported (see
     * {@link #literalOccurs}). Called for every pattern on every text: it only reads what construction
     * and the index have computed.
     */
    boolean mayOccur(TextIndex index) {
        if (literal != null && !literalOccurs(index)) {
            return false;
        }
        if (needs == null || needsOutsideAscii) {
            return true;
        }
        for (char c : neededAscii) {
            if (index.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the {@link #literal} occurs where a match could be reported. A match is reported only when
     * neither a letter, a digit nor {@code _} precedes it (the engine's boundary rule), so a literal
     * starting with two ASCII characters, the first a letter, is looked for only at the word starts the
     * index lists under those two characters: a few candidates, not a search of the whole text (which
     * cost a pass per literal per text). Other literals are searched for everywhere.
     */
    boolean literalOccurs(TextIndex index) {
        char first = literal.charAt(0);
        char second = literal.length() > 1 ? literal.charAt(1) : 0;
        if (!isAsciiLetter(first) || second == 0 || second >= 128) {
            return index.string().indexOf(literal) >= 0;
        }
        char[] text = index.chars();
        int[] starts = index.wordStartsByPrefix();
        int key = TextIndex.prefixKey(TextIndex.lowerCaseChar(first), TextIndex.lowerCaseChar(second));
        for (int k = index.wordStartsFrom(key), to = index.wordStartsFrom(key + 1); k < to; k++) {
            if (startsAt(text, starts[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean startsAt(char[] text, int at) {
        if (at + literal.length() > text.length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (text[at + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * {@link #needsFoundIn(char[], int, int)} for a region holding the ASCII characters {@code low} (0-63)
     * and {@code high} (64-127); only for patterns that need no character outside ASCII.
     */
    boolean needsFoundIn(long low, long high) {
        if (needs == null) {
            return true;
        }
        return (low & neededLow) != 0 || (high & neededHigh) != 0;
    }

    /** The characters of {@code chars} below 128 and at or above {@code from} (0 or 64) as a bit set. */
    private static long bits(char[] chars, int from) {
        long bits = 0;
        for (char c : chars) {
            if (c >= from && c < from + 64) {
                bits |= 1L << c;
            }
        }
        return bits;
    }

    /** Whether {@code text[start, end)} holds one of the characters the pattern {@code needs} (true when it needs none). */
    boolean needsFoundIn(char[] text, int start, int end) {
        if (needs == null) {
            return true;
        }
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c < 128 ? needs[c] : spec.needs().indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
