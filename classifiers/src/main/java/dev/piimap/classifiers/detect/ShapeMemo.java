package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The matches of one regex in short windows, remembered by the window's <em>shape</em>: each ASCII
 * character replaced by its class, where two characters share a class only when every atom of the
 * regex (literal, escape, bracket class, {@code .}, under the flags in force) matches both or
 * neither, and both are word characters or neither ({@code \b}), and neither or both are {@code \n}
 * ({@code ^}, {@code $}). RE2J's answer for a window depends on nothing else, so windows of one shape
 * have the same matches at the same offsets: {@code 2023-10-08} and {@code 2024-11-30} cost one RE2J
 * run between them. Machine-written text (logs, CSV) repeats a few shapes endlessly, and RE2J, which
 * simulates an automaton of tens of states per character, costs microseconds per short window.
 *
 * <p>Windows longer than {@value #MAX_WINDOW} characters or holding a character outside ASCII are
 * matched directly, uncached. At most {@value #MAX_ENTRIES} shapes are kept (then the memo starts
 * over), so memory is bounded (under 1 MB per pattern) and text with ever new shapes costs one extra
 * pass over each window. The national phone pattern meets 1,757 shapes in 8 MB of the bench
 * corpus: with room for 1,024 it started over every few documents.
 * Results are exactly RE2J's. Thread-safe.
 */
final class ShapeMemo {
    static final int MAX_WINDOW = 64;
    static final int MAX_ENTRIES = 4096;
    private static final int[] NONE = new int[0];

    private final Pattern regex;
    private final boolean hasValue;
    /** Per ASCII character, its class as a char of the shape key. */
    private final char[] classOf;
    private final ConcurrentHashMap<String, int[]> memo = new ConcurrentHashMap<>();

    private ShapeMemo(Pattern regex, boolean hasValue, char[] classOf) {
        this.regex = regex;
        this.hasValue = hasValue;
        this.classOf = classOf;
    }

    /**
     * The memo of {@code regex} (the RE2J pattern compiled from {@code source}), or null when the
     * classes of its characters cannot be known exactly (syntax {@link RegexApproximation} does not
     * parse, or a flag cleared inside it, which the approximation keeps set).
     */
    static ShapeMemo of(String source, Pattern regex, boolean hasValue) {
        if (clearsFlag(source)) {
            return null;
        }
        RegexApproximation atoms;
        try {
            atoms = new RegexApproximation(source, 1, new HashMap<>());
        } catch (IllegalArgumentException | com.google.re2j.PatternSyntaxException e) {
            return null;
        }
        return new ShapeMemo(regex, hasValue, classes(atoms));
    }

    /** Whether a flag group in {@code source} clears a flag ({@code (?-i:...)}, {@code (?i-s)}). */
    static boolean clearsFlag(String source) {
        for (int at = source.indexOf("(?"); at >= 0; at = source.indexOf("(?", at + 2)) {
            int i = at + 2;
            while (i < source.length() && Character.isLetter(source.charAt(i))) {
                i++;
            }
            if (i < source.length() && source.charAt(i) == '-') {
                return true;
            }
        }
        return false;
    }

    /**
     * A memo built on first use (building one asks RE2J about every ASCII character per atom), so that
     * patterns never tried cost nothing. Thread-safe: racing threads build equal memos.
     */
    static final class Lazy {
        private final Pattern regex;
        private final boolean hasValue;
        private final OnFirstUse<ShapeMemo> memo;

        Lazy(String source, Pattern regex, boolean hasValue) {
            this.regex = regex;
            this.hasValue = hasValue;
            this.memo = new OnFirstUse<>(() -> of(source, regex, hasValue));
        }

        /** Like {@link ShapeMemo#matches}; uncached when the regex has no memo. */
        int[] matches(CharSequence text, char[] chars, int from, int to) {
            ShapeMemo m = memo.get();
            if (m == null) {
                return matchesOf(regex, hasValue, text.subSequence(from, to));
            }
            return m.matches(text, chars, from, to);
        }
    }

    /** Groups the ASCII characters that no atom, nor the word and line-break tests, tells apart. */
    private static char[] classes(RegexApproximation atoms) {
        Map<String, Character> bySignature = new HashMap<>();
        char[] classOf = new char[128];
        StringBuilder signature = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            signature.setLength(0);
            signature.append(TextIndex.isAsciiLetterOrDigit(c) || c == '_' ? 'w' : '-').append(c == '\n' ? 'n' : '-');
            for (boolean[] set : atoms.consumes) {
                if (set != null) {
                    signature.append(set[c] ? '1' : '0');
                }
            }
            classOf[c] = bySignature.computeIfAbsent(signature.toString(), k -> (char) ('!' + bySignature.size()));
        }
        return classOf;
    }

    /**
     * Every match {@code find()} reports in {@code text[from, to)} as {@code [start, end, valueStart,
     * valueEnd]} quadruples relative to {@code from} (the value group's bounds are -1 when the regex has
     * none or it did not take part).
     */
    int[] matches(CharSequence text, char[] chars, int from, int to) {
        int length = to - from;
        if (length > MAX_WINDOW) {
            return run(text, from, to);
        }
        char[] key = new char[length];
        for (int i = 0; i < length; i++) {
            char c = chars[from + i];
            if (c >= 128) {
                return run(text, from, to);
            }
            key[i] = classOf[c];
        }
        String shape = new String(key);
        int[] known = memo.get(shape);
        if (known == null) {
            known = run(text, from, to);
            if (memo.size() >= MAX_ENTRIES) {
                memo.clear();
            }
            memo.put(shape, known);
        }
        return known;
    }

    /** The class of each ASCII character in a shape key (two characters share one only when the regex cannot tell them apart). */
    char classOf(char c) {
        return classOf[c];
    }

    /** How many shapes are remembered now. */
    int size() {
        return memo.size();
    }

    /** RE2J's matches, uncached. */
    int[] run(CharSequence text, int from, int to) {
        return matchesOf(regex, hasValue, text.subSequence(from, to));
    }

    static int[] matchesOf(Pattern regex, boolean hasValue, CharSequence window) {
        Matcher m = regex.matcher(window);
        int[] out = NONE;
        int n = 0;
        while (m.find()) {
            if (n + 4 > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(8, out.length * 2));
            }
            out[n++] = m.start();
            out[n++] = m.end();
            out[n++] = hasValue ? m.start(DetectorSpec.NamedPattern.VALUE_GROUP) : -1;
            out[n++] = hasValue ? m.end(DetectorSpec.NamedPattern.VALUE_GROUP) : -1;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
