package dev.piimap.classifiers.detect;

import java.util.Arrays;

/**
 * The prefilter of a {@link DetectorSpec}: the regions (maximal runs of alphabet characters holding
 * the required characters and enough digits, see {@link DetectorSpec.Prefilter}) worth running the
 * spec's patterns on. Most of a typical text is rejected here, which is what makes detection fast.
 *
 * <p>Every qualifying region lies in a run of alphabet characters that holds one of the required
 * characters and, when digits are required, enough digits. So rather than scanning the whole text,
 * the regions are found from <em>anchors</em> known from the shared {@link TextIndex}: the digit runs
 * (grouped into clusters; a cluster with too few digits is passed over), or the positions of the
 * required characters, whichever are fewer in this text; without either, every {@code min-length}-th
 * character (a long enough run holds one). Only the alphabet runs around anchors are scanned, each at
 * most once: linear, and usually a small part of the text. An alphabet holding every printable ASCII
 * character (label specs) is not scanned at all: {@link WideRegions} reads its runs off the index. The
 * result is exactly that of scanning everything. Immutable and thread-safe.
 */
final class CharRegions {
    private static final int[] NONE = new int[0];
    /** Smallest {@code min-length} worth a strided scan rather than a full one. */
    private static final int MIN_STRIDE = 4;

    private final boolean[] ascii = new boolean[128];
    private final boolean[] anyOfAscii = new boolean[128];
    private final boolean anyLetter;
    private final boolean wholeText;
    private final String anyOf;
    private final boolean anyOfOutsideAscii;
    private final int minDigits;
    private final int maxDigitRun;
    private final int minLength;
    private final boolean allDigitsInAlphabet;
    /** For an alphabet holding every printable ASCII character: its regions found from the index alone; else null. */
    private final WideRegions wide;
    /**
     * The ASCII characters of {@code any-of} that can make a region qualify (not digits; in the alphabet,
     * unless the whole text is the one region), each once: a text holding none of them has no region.
     */
    private final char[] requiredAscii;
    /** The alphabet's id in {@link DigitChains} when regions are found around digit clusters; -1 otherwise. */
    private final int chainAlphabet;

    CharRegions(DetectorSpec.Prefilter spec) {
        this.anyLetter = spec.anyLetter();
        this.anyOf = spec.anyOf();
        this.minDigits = spec.minDigits();
        this.maxDigitRun = spec.maxDigitRun() > 0 ? spec.maxDigitRun() : Integer.MAX_VALUE;
        this.minLength = Math.max(1, spec.minLength());
        this.wholeText = spec.alphabet().isEmpty() && !spec.anyLetter();
        String a = spec.alphabet();
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (i + 2 < a.length() && a.charAt(i + 1) == '-') {
                char to = a.charAt(i + 2);
                if (to < c) {
                    throw new IllegalArgumentException("'prefilter.alphabet' has the reversed range '" + c + "-" + to
                            + "': write ranges low to high, and put a literal '-' first or last");
                }
                Arrays.fill(ascii, c, to + 1, true);
                i += 2;
            } else {
                ascii[c] = true;
            }
        }
        boolean digits = true;
        for (char c = '0'; c <= '9'; c++) {
            digits &= ascii[c];
        }
        this.allDigitsInAlphabet = digits;

        boolean outside = false;
        for (int i = 0; i < anyOf.length(); i++) {
            char c = anyOf.charAt(i);
            if (c < 128) {
                anyOfAscii[c] = !isDigit(c);
            } else {
                outside = true;
            }
        }
        this.anyOfOutsideAscii = outside;
        this.wide = wholeText ? null : wide();
        StringBuilder required = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (anyOfAscii[c] && (wholeText || ascii[c])) {
                required.append(c);
            }
        }
        this.requiredAscii = required.toString().toCharArray();
        this.chainAlphabet = minDigits >= DigitChains.MIN_DIGITS && allDigitsInAlphabet && !wholeText && wide == null
                ? DigitChains.SHARED.register(ascii, anyLetter, minDigits) : -1;
    }

    private WideRegions wide() {
        StringBuilder excluded = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (!ascii[c]) {
                if (c >= ' ' && c <= '~') {
                    return null;
                }
                excluded.append(c);
            }
        }
        StringBuilder required = new StringBuilder();
        for (int i = 0; i < anyOf.length(); i++) {
            char c = anyOf.charAt(i);
            if (!isDigit(c) && required.indexOf(String.valueOf(c)) < 0) {
                required.append(c);
            }
        }
        return new WideRegions(excluded.toString(), anyLetter, required.toString(), minDigits, maxDigitRun, minLength);
    }

    private boolean inAlphabet(char c) {
        return c < 128 ? ascii[c] : anyLetter && Character.isLetterOrDigit(c);
    }

    /** Whether {@code c} counts as one of the required characters (digits never do). */
    private boolean isRequired(char c) {
        return c < 128 ? anyOfAscii[c] : anyOfOutsideAscii && anyOf.indexOf(c) >= 0;
    }

    /**
     * False when {@link #find} certainly finds nothing, judged from the index's counts alone: the text is
     * shorter than {@code min-length}, holds fewer digits than {@code min-digits}, or none of the
     * required characters. True says nothing. Costs a few array reads once the index has its counts,
     * so a spec can be ruled out before its anchors are looked up (most short texts rule out most specs).
     */
    boolean mayFind(TextIndex index) {
        if (index.length() < minLength || (minDigits > 0 && index.digitCount() < minDigits)) {
            return false;
        }
        if (anyOf.isEmpty() || anyOfOutsideAscii) {
            return true;
        }
        for (char c : requiredAscii) {
            if (index.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How {@link #find} could start in a text: from the required characters ({@code requiredCost} of
     * them, 0 when the text has none, {@code Long.MAX_VALUE} when the spec requires none), from digit
     * runs ({@code digitCost}, the runs of {@code chains} when not null), or every {@code min-length}-th
     * character ({@code strideCost}); unavailable ways cost {@code Long.MAX_VALUE}.
     */
    private record Plan(long requiredCost, long digitCost, int[] chains, long strideCost) {
    }

    private Plan plan(TextIndex index) {
        long requiredCost = Long.MAX_VALUE;
        if (!anyOf.isEmpty() && !anyOfOutsideAscii) {
            long required = 0;
            for (int i = 0; i < anyOf.length(); i++) {
                char c = anyOf.charAt(i);
                if (anyOfAscii[c] && ascii[c] && anyOf.indexOf(c) == i) {
                    required += index.count(c);
                }
            }
            requiredCost = required;
        }
        long digitCost = Long.MAX_VALUE;
        int[] chains = null;
        if (minDigits > 0 && allDigitsInAlphabet) {
            chains = chainAlphabet < 0 ? null : index.digitChains().runsOf(chainAlphabet, minDigits);
            digitCost = chains == null ? index.digitRuns().length / 2 : runsIn(chains);
        }
        long strideCost = minLength >= MIN_STRIDE ? index.length() / minLength : Long.MAX_VALUE;
        return new Plan(requiredCost, digitCost, chains, strideCost);
    }

    /**
     * About how many places {@link #find} would look at in {@code index}, each costing a look at the
     * alphabet run there: the fewest of the required characters, the digit runs that may hold enough
     * digits, every {@code min-length}-th character, or every character. A caller with its own anchors
     * uses them when they are fewer.
     */
    long anchorCost(TextIndex index) {
        if (wholeText || wide != null) {
            return index.length();
        }
        Plan plan = plan(index);
        return Math.min(Math.min(plan.requiredCost(), plan.digitCost()), Math.min(plan.strideCost(), index.length()));
    }

    /** Region bounds as {@code [start0, end0, start1, end1, ...]}, ends exclusive, in text order. */
    int[] find(TextIndex index) {
        char[] text = index.chars();
        if (minDigits > 0 && index.digitCount() < minDigits) {
            return NONE;
        }
        if (anyOfOutsideAscii && index.positionsOf(anyOf).length == 0) {
            return NONE;
        }
        if (wholeText) {
            return qualifies(text, 0, text.length) ? new int[] {0, text.length} : NONE;
        }
        if (wide != null) {
            return wide.find(index);
        }
        Plan plan = plan(index);
        long requiredCost = plan.requiredCost();
        if (requiredCost == 0) {
            return NONE;
        }
        long digitCost = plan.digitCost();
        long strideCost = plan.strideCost();
        int[] chains = plan.chains();
        Out out = new Out();
        if (digitCost <= requiredCost && digitCost != Long.MAX_VALUE) {
            int[] runs = index.digitRuns();
            if (chains == null) {
                clustersIn(text, runs, 0, runs.length / 2 - 1, 0, false, out);
            } else {
                int scanned = 0;
                for (int k = 0; k < chains.length; k += 2) {
                    scanned = clustersIn(text, runs, chains[k], chains[k + 1], scanned, true, out);
                }
            }
        } else if (requiredCost < strideCost) {
            around(text, index.positionsOf(anyOf), out);
        } else if (strideCost != Long.MAX_VALUE) {
            strided(text, out);
        } else {
            int i = 0;
            while (i < text.length) {
                while (i < text.length && !inAlphabet(text[i])) {
                    i++;
                }
                i = scanRun(text, i, out);
            }
        }
        return out.toArray();
    }

    /** How many digit runs the chains {@code [firstRun, lastRun, ...]} hold. */
    private static long runsIn(int[] chains) {
        long runs = 0;
        for (int k = 0; k < chains.length; k += 2) {
            runs += chains[k + 1] - chains[k] + 1;
        }
        return runs;
    }

    /**
     * Scans the alphabet runs that hold a digit cluster with enough digits, among the digit runs
     * {@code firstRun} to {@code lastRun} (indexes into {@code runs}' pairs; a cluster ends at
     * {@code lastRun}), not before {@code scannedBefore}; returns how far it scanned. A cluster is a maximal
     * sequence of digit runs no longer than the maximum whose separating characters are all in the
     * alphabet: the counted digits of one region. A cluster with fewer digits than required is passed
     * over having read only what separates its runs (a character or two, where not the first one).
     * Called on all runs, or on each {@link DigitChains chain} that may hold enough digits: no cluster
     * crosses a chain's end, and what separates the runs of a chain ({@code gapsInAlphabet}) is known to
     * be in the alphabet without reading it.
     */
    private int clustersIn(char[] text, int[] runs, int firstRun, int lastRun, int scannedBefore, boolean gapsInAlphabet, Out out) {
        int scanned = scannedBefore;
        int first = -1;
        int digits = 0;
        int end = 2 * lastRun + 2;
        for (int r = 2 * firstRun; r < end; r += 2) {
            int length = runs[r + 1] - runs[r];
            if (length > maxDigitRun) {
                continue;
            }
            if (first < 0) {
                first = r;
                digits = 0;
            }
            digits += length;
            boolean last = r + 2 >= end || runs[r + 3] - runs[r + 2] > maxDigitRun
                    || (!gapsInAlphabet && !allInAlphabet(text, runs[r + 1], runs[r + 2]));
            if (last) {
                if (digits >= minDigits) {
                    // Usually the first scan covers the whole cluster; a gap outside ASCII may end the run before.
                    for (int q = first; q <= r; q += 2) {
                        if (runs[q] >= scanned) {
                            int runStart = runs[q];
                            while (runStart > scanned && inAlphabet(text[runStart - 1])) {
                                runStart--;
                            }
                            scanned = scanRun(text, runStart, out);
                        }
                    }
                }
                first = -1;
            }
        }
        return scanned;
    }

    private boolean allInAlphabet(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!inAlphabet(text[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans the alphabet runs at least {@code min-length} long: looking at every {@code min-length}-th
     * character finds them all, as each holds one of those.
     */
    private void strided(char[] text, Out out) {
        int scanned = 0;
        for (int p = minLength - 1; p < text.length; p += minLength) {
            if (p < scanned || !inAlphabet(text[p])) {
                continue;
            }
            int runStart = p;
            while (runStart > scanned && inAlphabet(text[runStart - 1])) {
                runStart--;
            }
            int past = pastShortRuns(text, runStart);
            if (past > 0) {
                scanned = past;
                continue;
            }
            int runEnd = p + 1;
            while (runEnd < text.length && inAlphabet(text[runEnd])) {
                runEnd++;
            }
            if (runEnd - runStart >= minLength) {
                scanRun(text, runStart, out);
            }
            scanned = runEnd;
        }
    }

    /**
     * The regions holding one of {@code positions} (sorted), as {@link #find} would report them: each
     * alphabet run that holds a position is scanned once, from its start.
     */
    int[] around(TextIndex index, int[] positions) {
        if (wholeText) {
            return positions.length > 0 ? find(index) : NONE;
        }
        if (wide != null) {
            return wide.around(index, positions);
        }
        Out out = new Out();
        around(index.chars(), positions, out);
        return out.toArray();
    }

    private void around(char[] text, int[] positions, Out out) {
        int scanned = 0;
        for (int p : positions) {
            if (p < scanned || !inAlphabet(text[p])) {
                continue;
            }
            int runStart = p;
            while (runStart > scanned && inAlphabet(text[runStart - 1])) {
                runStart--;
            }
            int past = pastShortRuns(text, runStart);
            scanned = past > 0 ? past : scanRun(text, runStart, out);
        }
    }

    /**
     * For the alphabet run starting at {@code runStart}: when the character {@code min-length - 1} after
     * it is outside the alphabet (or past the text), every run starting from there to that character is
     * shorter than {@code min-length} and holds no region, so the scan may go on after it: that
     * position is returned. 0 when the run may be long enough (then it must be scanned). One read
     * instead of the run's characters: most runs around an anchor (a time's {@code :}, a date's
     * {@code -}) are short.
     */
    private int pastShortRuns(char[] text, int runStart) {
        if (minLength < MIN_STRIDE) {
            return 0;
        }
        int probe = runStart + minLength - 1;
        return probe >= text.length ? text.length + 1 : inAlphabet(text[probe]) ? 0 : probe + 1;
    }

    /**
     * Scans the alphabet run starting at {@code i} (a run start: {@code i} is 0 or follows a character
     * outside the alphabet) to its end, adding its qualifying regions; returns the end of the run.
     * A digit run longer than the maximum splits the alphabet run into regions and belongs to none.
     */
    private int scanRun(char[] text, int i, Out out) {
        int length = text.length;
        while (i < length && inAlphabet(text[i])) {
            int start = i;
            int end = -1;
            int digits = 0;
            int run = 0;
            boolean required = anyOf.isEmpty();
            while (i < length) {
                char c = text[i];
                if (!inAlphabet(c)) {
                    break;
                }
                if (isDigit(c)) {
                    digits++;
                    if (++run > maxDigitRun) {
                        end = i - run + 1;
                        while (i < length && isDigit(text[i])) {
                            i++;
                        }
                        break;
                    }
                } else {
                    run = 0;
                    if (!required && isRequired(c)) {
                        required = true;
                    }
                }
                i++;
            }
            if (end < 0) {
                end = i;
            } else {
                digits -= run;
            }
            if (end - start >= minLength && required && digits >= minDigits) {
                out.add(start, end);
            }
        }
        return i;
    }

    private boolean qualifies(char[] text, int from, int to) {
        if (to - from < minLength) {
            return false;
        }
        int digits = 0;
        boolean required = anyOf.isEmpty();
        for (int i = from; i < to && !(required && digits >= minDigits); i++) {
            char c = text[i];
            if (isDigit(c)) {
                digits++;
            } else if (!required && isRequired(c)) {
                required = true;
            }
        }
        return required && digits >= minDigits;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Region bounds collected in text order. */
    static final class Out {
        private int[] bounds = NONE;
        private int count;

        void add(int start, int end) {
            if (count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, Math.max(8, bounds.length * 2));
            }
            bounds[count++] = start;
            bounds[count++] = end;
        }

        int[] toArray() {
            return count == bounds.length ? bounds : Arrays.copyOf(bounds, count);
        }
    }
}
