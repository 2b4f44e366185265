package dev.piimap.classifiers.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /**
     * The remembered shapes, by hash, in an open-addressing table (linear probing) of twice as many slots
     * as {@link ShapeMemo#MAX_ENTRIES}: a lookup reads the window once to hash it and once to compare it
     * with an entry, where a map keyed by strings allocated a key, copied it and hashed it again (a sixth
     * of the phone spec's time). Replaced by an empty table to start over.
     */
    private volatile Entry[] table = new Entry[TABLE_SLOTS];
    /** How many entries the current table has; racy, so about: it only decides when to start over. */
    private int size;
    private static final int TABLE_SLOTS = 2 * ShapeMemo.MAX_ENTRIES;
    /** Most slots a lookup reads: the table is at most half full, so runs of taken slots are short. */
    private static final int MAX_PROBES = 16;

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
        char flag = (char) ('0' + (start - windowStart) + 2 * (windowEnd - end));
        int hash = flag;
        for (int i = windowStart; i < windowEnd; i++) {
            char c = chars[i];
            if (c >= 128) {
                return null;
            }
            hash = 31 * hash + classOf[c];
        }
        hash = spread(hash);
        Entry[] entries = table;
        int mask = entries.length - 1;
        for (int probe = 0, slot = hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
            Entry e = entries[slot];
            if (e == null) {
                break;
            }
            if (e.hash == hash && e.hasShape(flag, chars, windowStart, windowEnd, classOf)) {
                return e.found;
            }
        }
        char[] key = new char[length + 1];
        key[0] = flag;
        for (int i = 0; i < length; i++) {
            key[i + 1] = classOf[chars[windowStart + i]];
        }
        int[][] found = run(text, chars, windowStart, windowEnd, start, end);
        remember(new Entry(hash, key, found));
        return found;
    }

    /**
     * Puts {@code entry} in the first free slot of its probe sequence; with none free (the table is about
     * full) the memo starts over with an empty table, as the map it replaces did at {@link ShapeMemo#MAX_ENTRIES}.
     * Threads may race: a write may overwrite another's, or land in a table just replaced, and a reader may
     * miss an entry written a moment ago. Each costs only a shape found again; an entry's fields are final,
     * so a reader that sees one sees it whole.
     */
    private void remember(Entry entry) {
        Entry[] entries = table;
        int mask = entries.length - 1;
        for (int probe = 0, slot = entry.hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
            if (entries[slot] == null) {
                entries[slot] = entry;
                if (++size >= ShapeMemo.MAX_ENTRIES) {
                    startOver();
                }
                return;
            }
        }
        startOver();
        table[entry.hash & (table.length - 1)] = entry;
        size = 1;
    }

    private void startOver() {
        table = new Entry[TABLE_SLOTS];
        size = 0;
    }

    /** Mixes the shape's polynomial hash so that its low bits, which pick the slot, depend on every character. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** One remembered shape: its hash, its key (the flag, then the class of each character of the window), and what the patterns found. */
    private record Entry(int hash, char[] key, int[][] found) {
        /** Whether the window {@code chars[from, to)} with {@code flag} has this entry's shape. */
        boolean hasShape(char flag, char[] chars, int from, int to, char[] classOf) {
            if (key.length != to - from + 1 || key[0] != flag) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (key[i - from + 1] != classOf[chars[i]]) {
                    return false;
                }
            }
            return true;
        }
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

    /** How many shapes are remembered now (about, when threads race). */
    int size() {
        return size;
    }
}
