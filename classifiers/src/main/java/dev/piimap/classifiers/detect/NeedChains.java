package dev.piimap.classifiers.detect;

/**
 * Where a match of a pattern with {@code needs} can lie, read off its anchored {@link RegexPrefilter}:
 * every match of {@code \b[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]...} holds a chain of five of its needed
 * characters, each 3 after the one before; every IPv4 address three dots, each 2 to 4 after the one
 * before. Prose has a dot or a dash every few dozen characters and logs a date or a time on every
 * line (a pair of separators 3 apart), but such chains seldom, so a spec whose patterns all have need
 * chains only searches the regions holding one, instead of every region around every needed character
 * (the MAC spec met 31,000 such regions in 8 MB of the bench corpus, none holding an address).
 * Immutable and thread-safe.
 */
final class NeedChains {
    /** Largest distance from one character of a chain to the next looked for. */
    static final int MAX_GAP = RegexPrefilter.MAX_GAP;

    private final String needs;
    private final char[] neededAscii;
    /** Bit {@code d}: a character {@code d} after the one before it in a chain qualifies. */
    private final long distances;
    private final int maxDistance;
    /** How many characters a chain has, at least 2. */
    private final int length;

    private NeedChains(String needs, char[] neededAscii, long distances, int length) {
        this.needs = needs;
        this.neededAscii = neededAscii;
        this.distances = distances;
        this.length = length;
        this.maxDistance = 63 - Long.numberOfLeadingZeros(distances);
    }

    /**
     * The need chains of {@code pattern}, or null when it needs no character, needs one outside ASCII, is
     * a {@code starts-with} pattern, or has matches without two needed characters at most
     * {@value #MAX_GAP} apart (or no anchored prefilter to tell).
     */
    static NeedChains of(CompiledPattern pattern) {
        if (pattern.needs() == null || pattern.needsOutsideAscii() || pattern.startWords() != null) {
            return null;
        }
        RegexPrefilter anchored = RegexPrefilter.of(pattern.spec().regex(), true);
        RegexPrefilter.Chain chain = anchored == null ? null : anchored.chainOf(pattern.needs(), MAX_GAP);
        return chain == null ? null
                : new NeedChains(pattern.spec().needs(), pattern.neededAscii(), chain.distances(), chain.length());
    }

    /** How many characters a chain has (for tests and diagnostics). */
    int length() {
        return length;
    }

    /** The distances from one character of a chain to the next that qualify, ascending (for tests and diagnostics). */
    int[] distances() {
        return java.util.stream.IntStream.rangeClosed(1, MAX_GAP).filter(d -> (distances >>> d & 1) == 1).toArray();
    }

    /**
     * Whether looking for chains in {@code index} costs less than finding regions the usual way, which
     * looks at about {@code regionCost} places ({@link CharRegions#anchorCost}), each costing a scan of
     * its alphabet run: a chain costs a step or two per needed character, so up to
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

    /** How many needed characters a chain search may look at per place a region search looks at. */
    private static final int CHEAPER = 4;

    /**
     * The last character of every chain in {@code index}, ascending, each once: every match holds one, so
     * the regions holding none are not worth searching. A chain's length at each needed character is
     * one more than the longest ending a qualifying distance before it.
     */
    int[] find(TextIndex index) {
        int[] at = index.positionsOf(needs);
        int[] chain = new int[at.length];
        TextIndex.IntList out = new TextIndex.IntList();
        for (int i = 0; i < at.length; i++) {
            int before = 0;
            for (int j = i - 1; j >= 0 && at[i] - at[j] <= maxDistance; j--) {
                if ((distances >>> (at[i] - at[j]) & 1) == 1) {
                    before = Math.max(before, chain[j]);
                }
            }
            chain[i] = before + 1;
            if (chain[i] >= length) {
                out.add(at[i]);
            }
        }
        return out.toArray();
    }
}
