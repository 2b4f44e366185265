package dev.piimap.classifiers.detect;

import java.util.Arrays;

/**
 * For every registered alphabet at once, the <em>chains</em> of a text's digit runs: maximal sequences of
 * consecutive digit runs whose separating characters all lie in the alphabet. A spec's digit clusters
 * (see {@link CharRegions}) never cross a chain's end, and hold at most its digits; so a spec needing
 * {@code n} digits only has to look at the chains holding {@code n} or more. In the bench corpus those
 * hold 0.2-3% of the digit runs for five of the eight shipped alphabets, and 15-24% for the three that
 * join dates and times (card numbers, coordinates, phone numbers): each spec no longer walks every run.
 *
 * <p>The chains are found in one pass over the gaps between runs, shared by all alphabets: each gap's
 * characters are read until none of the alphabets holds the last one read (a letter in prose, usually
 * the first or second character). An alphabet is registered in {@link #SHARED} once per JVM, by the
 * {@link CharRegions} that uses it (for a spec needing at least {@value #MIN_DIGITS} digits); at most {@value #MAX_ALPHABETS} are (beyond that, specs find their
 * clusters by walking every run, as before). A text's chains are computed for the alphabets registered
 * at that moment; {@link #runsOf} says when they do not cover a spec.
 *
 * <p>Chains are kept only when their digits reach the smallest {@code min-digits} registered for
 * their alphabet. Immutable once built.
 */
final class DigitChains {
    static final int MAX_ALPHABETS = 64;
    /**
     * The fewest digits a spec must need to register its alphabet. Chains are worth finding only when
     * they rule out most runs; with fewer digits needed, a run alone often has enough.
     */
    static final int MIN_DIGITS = 6;

    /** The alphabets of every {@link CharRegions} of this JVM: those a {@link TextIndex} finds chains for. */
    static final Alphabets SHARED = new Alphabets();

    private final Registry covered;
    /** Per alphabet, its kept chains as {@code [firstRun, lastRun, ...]} (run indexes, inclusive); null when none. */
    private final int[][] chains;

    private DigitChains(Registry covered, int[][] chains) {
        this.covered = covered;
        this.chains = chains;
    }

    /** The chains of {@code text}, whose digit runs are {@code runs}, for the alphabets registered now in {@code alphabets}. */
    static DigitChains of(char[] text, int[] runs, Alphabets alphabets) {
        Registry r = alphabets.current;
        int count = r.count;
        int n = runs.length / 2;
        if (count == 0 || n == 0) {
            return new DigitChains(r, new int[count][]);
        }
        long[] members = r.members;
        long anyLetter = r.anyLetter;
        int[] min = r.minDigits;
        int smallestMin = Integer.MAX_VALUE;
        for (int id = 0; id < count; id++) {
            smallestMin = Math.min(smallestMin, min[id]);
        }
        TextIndex.IntList[] kept = new TextIndex.IntList[count];
        int[] chainStart = new int[count];
        // The digits of the runs before a chain's first run, per alphabet, to count the chain's digits.
        int[] digitsBeforeStart = new int[count];
        int digitsBefore = 0;
        // open: the alphabets whose chain so far holds more than one run (it started at chainStart[id]).
        long open = 0;
        long all = count == 64 ? -1L : (1L << count) - 1;
        for (int k = 1; k <= n; k++) {
            int alone = runs[2 * k - 1] - runs[2 * k - 2];
            long joined = 0;
            if (k < n) {
                // The gap's first two characters decide most gaps (prose: a space, then a letter) without a
                // branch each; the second may be the next run's first digit, which every alphabet holds.
                int gapStart = runs[2 * k - 1];
                int gapEnd = runs[2 * k];
                char c0 = text[gapStart];
                char c1 = text[gapStart + 1];
                if ((c0 | c1) < 128) {
                    joined = all & members[c0] & members[c1];
                    for (int i = gapStart + 2; i < gapEnd && joined != 0; i++) {
                        char c = text[i];
                        joined &= c < 128 ? members[c] : Character.isLetterOrDigit(c) ? anyLetter : 0;
                    }
                } else {
                    joined = all;
                    for (int i = gapStart; i < gapEnd && joined != 0; i++) {
                        char c = text[i];
                        joined &= c < 128 ? members[c] : Character.isLetterOrDigit(c) ? anyLetter : 0;
                    }
                }
            }
            int digitsThrough = digitsBefore + alone;
            // Chains of several runs that end before run k.
            for (long ending = open & ~joined; ending != 0; ending &= ending - 1) {
                int id = Long.numberOfTrailingZeros(ending);
                if (digitsThrough - digitsBeforeStart[id] >= min[id]) {
                    kept[id] = keep(kept[id], chainStart[id], k - 1);
                }
            }
            // Chains of run k - 1 alone: kept when that run alone has enough digits.
            if (alone >= smallestMin) {
                for (long single = ~open & ~joined & all; single != 0; single &= single - 1) {
                    int id = Long.numberOfTrailingZeros(single);
                    if (alone >= min[id]) {
                        kept[id] = keep(kept[id], k - 1, k - 1);
                    }
                }
            }
            for (long starting = joined & ~open; starting != 0; starting &= starting - 1) {
                int id = Long.numberOfTrailingZeros(starting);
                chainStart[id] = k - 1;
                digitsBeforeStart[id] = digitsBefore;
            }
            digitsBefore = digitsThrough;
            open = joined;
        }
        int[][] chains = new int[count][];
        for (int id = 0; id < count; id++) {
            chains[id] = kept[id] == null ? null : kept[id].toArray();
        }
        return new DigitChains(r, chains);
    }

    private static TextIndex.IntList keep(TextIndex.IntList list, int first, int last) {
        TextIndex.IntList to = list == null ? new TextIndex.IntList() : list;
        to.add(first);
        to.add(last);
        return to;
    }

    /**
     * The chains of alphabet {@code id} holding at least {@code minDigits} digits, or more, as
     * {@code [firstRun, lastRun, ...]} (indexes of runs, inclusive, in text order); null when this text's
     * chains were computed before that alphabet was registered with so small a minimum (the caller then
     * walks every run).
     */
    int[] runsOf(int id, int minDigits) {
        if (id < 0 || id >= covered.count || covered.minDigits[id] > minDigits) {
            return null;
        }
        int[] found = chains[id];
        return found == null ? new int[0] : found;
    }

    /** A set of registered alphabets, each with an id (its bit); thread-safe. */
    static final class Alphabets {
        /** What the pass over a text reads; replaced whole on each registration. */
        private volatile Registry current = new Registry(new long[128], 0, new int[0], 0);

        /**
         * Registers an alphabet ({@code ascii[c]} for ASCII characters; letters and digits outside ASCII when
         * {@code anyLetter}) for a spec needing {@code minDigits} digits; returns its id, or -1 when the
         * registry is full. Registering an alphabet again returns the same id (lowering its minimum if needed).
         *
         * @throws IllegalArgumentException when the alphabet lacks a digit ({@link #of} reads the first digit
         *     after a gap as if it were part of the gap, which only an alphabet of every digit allows)
         */
        synchronized int register(boolean[] ascii, boolean anyLetter, int minDigits) {
            for (char c = '0'; c <= '9'; c++) {
                if (!ascii[c]) {
                    throw new IllegalArgumentException("an alphabet with digit chains holds every digit; '" + c + "' is missing");
                }
            }
            Registry r = current;
            for (int id = 0; id < r.count; id++) {
                if (r.sameAlphabet(id, ascii, anyLetter)) {
                    if (minDigits < r.minDigits[id]) {
                        int[] min = r.minDigits.clone();
                        min[id] = minDigits;
                        current = new Registry(r.members, r.anyLetter, min, r.count);
                    }
                    return id;
                }
            }
            if (r.count == MAX_ALPHABETS) {
                return -1;
            }
            int id = r.count;
            long bit = 1L << id;
            long[] members = r.members.clone();
            for (int c = 0; c < 128; c++) {
                members[c] |= ascii[c] ? bit : 0;
            }
            long letters = r.anyLetter | (anyLetter ? bit : 0);
            int[] min = Arrays.copyOf(r.minDigits, id + 1);
            min[id] = minDigits;
            current = new Registry(members, letters, min, id + 1);
            return id;
        }
    }

    /**
     * @param members         per ASCII character, the alphabets holding it as a bit set (bit {@code id})
     * @param anyLetter the alphabets holding every letter and digit outside ASCII, as a bit set
     * @param minDigits       per alphabet, the smallest {@code min-digits} of the specs registering it
     * @param count           how many alphabets are registered
     */
    private record Registry(long[] members, long anyLetter, int[] minDigits, int count) {
        boolean sameAlphabet(int id, boolean[] ascii, boolean anyLetter) {
            long bit = 1L << id;
            for (int c = 0; c < 128; c++) {
                if (((members[c] & bit) != 0) != ascii[c]) {
                    return false;
                }
            }
            return ((this.anyLetter & bit) != 0) == anyLetter;
        }
    }
}
