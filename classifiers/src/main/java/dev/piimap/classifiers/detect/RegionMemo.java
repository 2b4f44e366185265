package dev.piimap.classifiers.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What all the patterns of a spec find in one short region, remembered by the shape of the region's
 * window: one lookup per region instead of, per pattern, a check of its needed characters, a pass of
 * its {@link RegexPrefilter} and a {@link ShapeMemo} lookup. Logs repeat a few region shapes endlessly
 * (the phone spec meets 50,000 regions shaped like a date {@code 2024-11-30} in 8 MB of the bench
 * corpus), so this is most of a spec's cost there.
 *
 * <p>The shape replaces each ASCII character by its class under every pattern at once: two characters
 * share a class only when, for every pattern, its {@link ShapeMemo} classes them together, its
 * prefilter cannot tell them apart, and both or neither are among its needed characters. Each of those
 * decides its part from the classes alone, so windows of one shape get the same answer, and the answer
 * is exactly what running each pattern on its own gives. The key also says whether the window has a
 * character before and after the region (none at the text's ends).
 *
 * <p>Only for specs whose patterns are all tried over whole regions (no {@code starts-with} words) and
 * all have a shape memo; windows longer than {@value ShapeMemo#MAX_WINDOW} characters or holding a
 * character outside ASCII are not remembered ({@link #matches} returns null). At most
 * {@value ShapeMemo#MAX_ENTRIES} shapes are kept, then the memo starts over. Thread-safe.
 */
final class RegionMemo {
    private static final int[] NONE = new int[0];

    private final List<CompiledPattern> patterns;
    /** Per ASCII character, its class as a char of the shape key. */
    private final char[] classOf;
    private final ConcurrentHashMap<String, int[][]> memo = new ConcurrentHashMap<>();

    private RegionMemo(List<CompiledPattern> patterns, char[] classOf) {
        this.patterns = patterns;
        this.classOf = classOf;
    }

    /** The memo for {@code patterns}, or null when one of them is anchored by words or has no shape memo. */
    static RegionMemo of(List<CompiledPattern> patterns) {
        StringBuilder[] signatures = new StringBuilder[128];
        for (char c = 0; c < 128; c++) {
            signatures[c] = new StringBuilder();
        }
        for (CompiledPattern p : patterns) {
            if (p.startWords() != null) {
                return null;
            }
            ShapeMemo shapes = ShapeMemo.of(p.spec().regex(), p.regex(), p.hasValue());
            if (shapes == null) {
                return null;
            }
            RegexPrefilter prefilter = p.prefilter().built();
            for (char c = 0; c < 128; c++) {
                signatures[c].append(shapes.classOf(c)).append(',')
                        .append(prefilter == null ? 0 : prefilter.classOf(c)).append(',')
                        .append(p.needs() != null && p.needs()[c] ? 1 : 0).append(';');
            }
        }
        Map<String, Character> bySignature = new HashMap<>();
        char[] classOf = new char[128];
        for (char c = 0; c < 128; c++) {
            classOf[c] = bySignature.computeIfAbsent(signatures[c].toString(), k -> (char) ('!' + bySignature.size()));
        }
        return new RegionMemo(patterns, classOf);
    }

    /**
     * Per pattern, the matches it yields in the region {@code [start, end)} seen through the window
     * {@code [windowStart, windowEnd)} (the region and at most one character on each side), as
     * {@code [start, end, valueStart, valueEnd]} quadruples relative to {@code windowStart}; empty for a
     * pattern whose needed characters are not in the region or whose prefilter rules the region out.
     * Null when the window is too long or holds a character outside ASCII: then the caller asks each
     * pattern itself.
     */
    int[][] matches(CharSequence text, char[] chars, int windowStart, int windowEnd, int start, int end) {
        int length = windowEnd - windowStart;
        if (length > ShapeMemo.MAX_WINDOW) {
            return null;
        }
        char[] key = new char[length + 1];
        key[0] = (char) ('0' + (start - windowStart) + 2 * (windowEnd - end));
        for (int i = 0; i < length; i++) {
            char c = chars[windowStart + i];
            if (c >= 128) {
                return null;
            }
            key[i + 1] = classOf[c];
        }
        String shape = new String(key);
        int[][] known = memo.get(shape);
        if (known == null) {
            known = run(text, chars, windowStart, windowEnd, start, end);
            if (memo.size() >= ShapeMemo.MAX_ENTRIES) {
                memo.clear();
            }
            memo.put(shape, known);
        }
        return known;
    }

    /**
     * What each pattern yields in the region, found as a pattern alone finds it, through its own
     * {@link ShapeMemo}: a new combination of shapes is often made of shapes each pattern has met before
     * (the phone spec meets about 4,000 combined shapes in 8 MB of the bench corpus, a few per document).
     */
    private int[][] run(CharSequence text, char[] chars, int windowStart, int windowEnd, int start, int end) {
        int[][] found = new int[patterns.size()][];
        for (int p = 0; p < found.length; p++) {
            CompiledPattern pattern = patterns.get(p);
            boolean may = pattern.needsFoundIn(chars, start, end) && pattern.prefilter().mayMatch(chars, start, end);
            found[p] = may ? pattern.memo().matches(text, chars, windowStart, windowEnd) : NONE;
        }
        return found;
    }

    /** How many shapes are remembered now. */
    int size() {
        return memo.size();
    }
}
