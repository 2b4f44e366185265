package dev.piimap.classifiers.detect;

/**
 * Where a match of a pattern with {@code needs} can lie, read off its anchored {@link RegexPrefilter}:
 * every match of {@code \b[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]...} holds two of its needed characters
 * exactly 3 apart, every IPv4 address two dots 2 to 4 apart. Prose has a dot or a dash every few
 * dozen characters but such pairs seldom, so a spec whose patterns all have need pairs only searches
 * the regions holding one, instead of every region around every needed character (the MAC spec met
 * 31,000 such regions in 8 MB of the bench corpus, none holding an address). Immutable and thread-safe.
 */
final class NeedPairs {
    /** Largest distance looked for: the search walks the automaton with a window of this many bits. */
    static final int MAX_GAP = 8;

    private final String needs;
    private final char[] neededAscii;
    /** Bit {@code d}: a pair {@code d} apart qualifies. */
    private final long distances;
    private final int maxDistance;

    private NeedPairs(String needs, char[] neededAscii, long distances) {
        this.needs = needs;
        this.neededAscii = neededAscii;
        this.distances = distances;
        this.maxDistance = 63 - Long.numberOfLeadingZeros(distances);
    }

    /**
     * The need pairs of {@code pattern}, or null when it needs no character, needs one outside ASCII, is
     * a {@code starts-with} pattern, or has matches without a pair of needed characters at most
     * {@value #MAX_GAP} apart (or no anchored prefilter to tell).
     */
    static NeedPairs of(CompiledPattern pattern) {
        if (pattern.needs() == null || pattern.needsOutsideAscii() || pattern.startWords() != null) {
            return null;
        }
        RegexPrefilter anchored = RegexPrefilter.of(pattern.spec().regex(), true);
        long distances = anchored == null ? 0 : anchored.pairDistances(pattern.needs(), MAX_GAP);
        return distances == 0 ? null : new NeedPairs(pattern.spec().needs(), pattern.neededAscii(), distances);
    }

    /** The distances that qualify, ascending (for tests and diagnostics). */
    int[] distances() {
        return java.util.stream.IntStream.rangeClosed(1, MAX_GAP).filter(d -> (distances >>> d & 1) == 1).toArray();
    }

    /**
     * Whether looking for pairs in {@code index} costs less than finding regions the usual way, which
     * looks at about {@code regionCost} places ({@link CharRegions#anchorCost}), each costing a scan of
     * its alphabet run: a pair costs a step or two per needed character, so up to
     * {@value #CHEAPER} needed characters per place are still cheaper. A pattern needing a space, common
     * in prose, is better left to regions found from digits.
     */
    boolean worthFinding(TextIndex index, long regionCost) {
        long needed = 0;
        for (char c : neededAscii) {
            needed += index.count(c);
        }
        return needed <= CHEAPER * regionCost;
    }

    /** How many needed characters a pair search may look at per place a region search looks at. */
    private static final int CHEAPER = 4;

    /**
     * The first character of every pair of needed characters a qualifying distance apart, ascending, each
     * once: every match holds one, so the regions holding none are not worth searching.
     */
    int[] find(TextIndex index) {
        int[] at = index.positionsOf(needs);
        TextIndex.IntList out = new TextIndex.IntList();
        for (int i = 0; i < at.length; i++) {
            for (int j = i + 1; j < at.length && at[j] - at[i] <= maxDistance; j++) {
                if ((distances >>> (at[j] - at[i]) & 1) == 1) {
                    out.add(at[i]);
                    break;
                }
            }
        }
        return out.toArray();
    }
}
