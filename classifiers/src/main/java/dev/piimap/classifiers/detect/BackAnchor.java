package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.Arrays;

/**
 * Where the matches of a regex of the form {@code \b[A][B]*x[C]...} can start, found from the
 * occurrences of its literal {@code x} instead of by running the regex over the whole region: a
 * product token before a slash ({@code \b[A-Za-z][A-Za-z0-9_.+-]*}{@code /[0-9]}), whose slash is
 * rare next to the letters RE2J would otherwise step through one by one.
 *
 * <p>Exact, not a heuristic. {@code x} is not in {@code [B]}, so a match starting at {@code s} reaches
 * the first {@code x} after {@code s} through characters of {@code [B]} only, and what follows that
 * {@code x} does not depend on {@code s}. The matches through one {@code x} therefore succeed or fail
 * together, and the leftmost of them starts at the leftmost {@code s} in the run of {@code [B]} before
 * {@code x} where {@code [A]} and the word boundary hold; the runs before successive {@code x} follow
 * one another in the text. Trying the occurrences of {@code x} in order, each at that leftmost start
 * (not before where the search goes on), finds the matches of a left-to-right search, in the same
 * order, with the same spans.
 *
 * <p>Recognised only where every class is written with ASCII characters alone (its members are then
 * known by asking RE2J about each), the regex sets no flags, and {@code [A]} is part of {@code [B]}:
 * {@link #of} returns null for any other regex. Immutable and thread-safe.
 */
final class BackAnchor {
    private static final int[] NONE = new int[0];
    private final boolean[] first;
    private final boolean[] rest;
    private final char literal;
    /** The class right after the literal, or null when something else follows it. */
    private final boolean[] after;
    /** The regex anchored with {@code ^}, so that an attempt stops as soon as it fails. */
    private final Pattern anchored;
    /** Answers an attempt for RE2J where it can (see {@link AnchoredDfa}); built on first use. */
    private final OnFirstUse<AnchoredDfa> dfa;

    private BackAnchor(boolean[] first, boolean[] rest, char literal, boolean[] after, Pattern anchored, String regex) {
        this.first = first;
        this.rest = rest;
        this.literal = literal;
        this.after = after;
        this.anchored = anchored;
        this.dfa = new OnFirstUse<>(() -> AnchoredDfa.of(regex));
    }

    /** The anchor of {@code regex} (flags and all, as written in the spec), or null when it has no such form. */
    static BackAnchor of(String regex) {
        if (!regex.startsWith("\\b[")) {
            return null;
        }
        int firstEnd = classEnd(regex, 2);
        if (firstEnd < 0 || firstEnd >= regex.length() || regex.charAt(firstEnd) != '[') {
            return null;
        }
        int restEnd = classEnd(regex, firstEnd);
        if (restEnd < 0 || restEnd + 1 >= regex.length() || regex.charAt(restEnd) != '*') {
            return null;
        }
        int at = restEnd + 1;
        char literal = regex.charAt(at);
        int afterLiteral = at + 1;
        if (literal == '\\') {
            if (at + 1 >= regex.length() || Character.isLetterOrDigit(regex.charAt(at + 1))) {
                return null;
            }
            literal = regex.charAt(at + 1);
            afterLiteral = at + 2;
        } else if ("[](){}.*+?^$|".indexOf(literal) >= 0) {
            return null;
        }
        if (literal >= 128 || regex.charAt(afterLiteral - 1) == '\\') {
            return null;
        }
        boolean[] first = members(regex.substring(2, firstEnd));
        boolean[] rest = members(regex.substring(firstEnd, restEnd));
        if (first == null || rest == null || rest[literal]) {
            return null;
        }
        for (char c = 0; c < 128; c++) {
            if (first[c] && !rest[c]) {
                return null;
            }
        }
        boolean[] after = null;
        if (afterLiteral < regex.length() && regex.charAt(afterLiteral) == '[') {
            int afterEnd = classEnd(regex, afterLiteral);
            String next = afterEnd < 0 ? null : regex.substring(afterLiteral, afterEnd);
            boolean quantified = afterEnd >= 0 && afterEnd < regex.length() && "*?{".indexOf(regex.charAt(afterEnd)) >= 0;
            after = next == null || quantified ? null : members(next);
        }
        Pattern anchored;
        try {
            anchored = Pattern.compile("^(?:" + regex + ")");
        } catch (com.google.re2j.PatternSyntaxException e) {
            return null;
        }
        return new BackAnchor(first, rest, literal, after, anchored, regex);
    }

    /**
     * Where the bracket class starting at {@code open} ends (the index after its {@code ]}), or -1 when
     * it is not a plain class of ASCII characters: no escapes other than of punctuation, no nested or
     * POSIX classes.
     */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c >= 128 || c == '[') {
                return -1;
            }
            if (c == '\\') {
                if (i + 1 >= regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1)) || regex.charAt(i + 1) >= 128) {
                    return -1;
                }
                i++;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The ASCII members of a bracket class, asked of RE2J; null when it may hold a character outside
     * ASCII (a negated class), which a table of ASCII cannot tell.
     */
    private static boolean[] members(String bracketClass) {
        if (bracketClass.startsWith("[^")) {
            return null;
        }
        Pattern single;
        try {
            single = Pattern.compile(bracketClass);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return null;
        }
        boolean[] in = new boolean[128];
        for (char c = 0; c < 128; c++) {
            in[c] = single.matches(String.valueOf(c));
        }
        return in;
    }

    /**
     * The matches of the regex found by a left-to-right search of the window {@code text[from, to)}
     * ({@code chars} are the text's characters), as {@code [start, end, valueStart, valueEnd]} per match
     * relative to {@code from} (the value group's bounds, -1 without {@code hasValue}): the same as
     * {@link ShapeMemo#matchesOf} on that window, with the regex tried only where a match can start.
     */
    int[] matches(CharSequence text, char[] chars, int from, int to, boolean hasValue) {
        int[] out = NONE;
        int n = 0;
        for (int next = from; next < to; ) {
            int at = nextStart(chars, from, next, to);
            if (at < 0) {
                break;
            }
            int offset = at - from;
            AnchoredDfa automaton = hasValue ? null : dfa.get();
            int end = automaton == null ? AnchoredDfa.UNDECIDED : automaton.matchEnd(chars, at, to);
            if (end == AnchoredDfa.NO_MATCH) {
                next = resumeAfterFailure(chars, at, to);
                continue;
            }
            if (n + 4 > out.length) {
                out = Arrays.copyOf(out, Math.max(8, out.length * 2));
            }
            if (end != AnchoredDfa.UNDECIDED) {
                out[n++] = offset;
                out[n++] = end - from;
                out[n++] = -1;
                out[n++] = -1;
                next = at + Math.max(1, end - at);
                continue;
            }
            Matcher m = anchored.matcher(new TextView(text, at, to));
            if (!m.lookingAt()) {
                next = resumeAfterFailure(chars, at, to);
                continue;
            }
            out[n++] = offset + m.start();
            out[n++] = offset + m.end();
            int valueStart = hasValue ? m.start(DetectorSpec.NamedPattern.VALUE_GROUP) : -1;
            int valueEnd = hasValue ? m.end(DetectorSpec.NamedPattern.VALUE_GROUP) : -1;
            out[n++] = valueStart < 0 ? -1 : offset + valueStart;
            out[n++] = valueEnd < 0 ? -1 : offset + valueEnd;
            next = at + Math.max(1, m.end());
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The next start to try in {@code text[from, to)}: the leftmost start of a match through the next
     * occurrence of the literal at or after {@code from} (see the class comment), or -1 when there is
     * none before {@code to}. The regex is run on the window {@code text[windowStart, to)}: what lies
     * before {@code windowStart} is not seen, so {@code \b} there is judged as at the start of a text.
     */
    private int nextStart(char[] text, int windowStart, int from, int to) {
        for (int x = indexOf(text, literal, from, to); x >= 0; x = indexOf(text, literal, x + 1, to)) {
            if (after != null && (x + 1 >= to || !in(after, text[x + 1]))) {
                continue;
            }
            int run = x;
            while (run > from && in(rest, text[run - 1])) {
                run--;
            }
            for (int s = run; s < x; s++) {
                if (in(first, text[s]) && wordBoundaryAt(text, windowStart, s)) {
                    return s;
                }
            }
        }
        return -1;
    }

    /**
     * Where the search goes on after the attempt at {@code start} (a result of {@link #nextStart}) failed:
     * past the literal that start reaches, since every start before that literal fails with it.
     */
    private int resumeAfterFailure(char[] text, int start, int to) {
        int x = indexOf(text, literal, start, to);
        return x < 0 ? to : x + 1;
    }

    private static int indexOf(char[] text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean in(boolean[] table, char c) {
        return c < 128 && table[c];
    }

    /** RE2J's {@code \b} between {@code text[at - 1]} and {@code text[at]} (ASCII word characters) in a window from {@code windowStart}. */
    private static boolean wordBoundaryAt(char[] text, int windowStart, int at) {
        boolean before = at > windowStart && isWordChar(text[at - 1]);
        return before != isWordChar(text[at]);
    }

    /** RE2J's word characters: its {@code \b} is ASCII-only. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
