package dev.piimap.classifiers.detect;

import java.util.Arrays;

/**
 * The regions of a {@link CharRegions} whose alphabet holds every printable ASCII character (label and
 * free-text specs, {@code "!-~ \t"}), found without reading the text. Such an alphabet run ends only
 * at one of the few characters outside the alphabet (a line break, a control character, a symbol
 * outside ASCII), so the runs are the gaps between those characters' positions; what decides a
 * region (its digits, with digit runs longer than the maximum splitting it, and a required character)
 * is read from the shared {@link TextIndex}: the digit runs and the required characters' positions.
 * The result is exactly that of scanning each run character by character (see
 * {@code CharRegions.scanRun}), at a cost of the breaks and digit runs involved rather than of every
 * character. Immutable and thread-safe.
 */
final class WideRegions {
    private static final int[] NONE = new int[0];

    /** The ASCII characters outside the alphabet. */
    private final String excludedAscii;
    /** Whether letters and digits outside ASCII are in the alphabet (no other character outside ASCII is). */
    private final boolean anyLetter;
    /** The required characters other than ASCII digits (which never count); empty when none is required. */
    private final String required;
    private final int minDigits;
    private final int maxDigitRun;
    private final int minLength;

    WideRegions(String excludedAscii, boolean anyLetter, String required, int minDigits, int maxDigitRun, int minLength) {
        this.excludedAscii = excludedAscii;
        this.anyLetter = anyLetter;
        this.required = required;
        this.minDigits = minDigits;
        this.maxDigitRun = maxDigitRun;
        this.minLength = minLength;
    }

    /** Every qualifying region of the text, as {@link CharRegions#find}. */
    int[] find(TextIndex index) {
        int[] breaks = breaks(index);
        CharRegions.Out out = new CharRegions.Out();
        int runStart = 0;
        for (int b = 0; b <= breaks.length; b++) {
            int runEnd = b < breaks.length ? breaks[b] : index.length();
            if (runEnd - runStart >= minLength) {
                addRegions(index, runStart, runEnd, out);
            }
            runStart = runEnd + 1;
        }
        return out.toArray();
    }

    /** The qualifying regions of the runs holding one of {@code positions} (ascending), as {@link CharRegions#around}. */
    int[] around(TextIndex index, int[] positions) {
        int[] breaks = breaks(index);
        CharRegions.Out out = new CharRegions.Out();
        int scanned = 0;
        for (int p : positions) {
            if (p < scanned) {
                continue;
            }
            int k = Arrays.binarySearch(breaks, p);
            if (k >= 0) {
                continue;
            }
            k = -k - 1;
            int runStart = k == 0 ? 0 : breaks[k - 1] + 1;
            int runEnd = k == breaks.length ? index.length() : breaks[k];
            if (runEnd - runStart >= minLength) {
                addRegions(index, runStart, runEnd, out);
            }
            scanned = runEnd;
        }
        return out.toArray();
    }

    /** The positions of the characters outside the alphabet, ascending. */
    private int[] breaks(TextIndex index) {
        int[] ascii = excludedAscii.isEmpty() ? NONE : index.positionsOf(excludedAscii);
        int[] outside = index.positionsOutsideAscii();
        if (outside.length == 0) {
            return ascii;
        }
        char[] text = index.chars();
        long[] bits = new long[(text.length >> 6) + 1];
        for (int p : ascii) {
            bits[p >> 6] |= 1L << p;
        }
        for (int p : outside) {
            if (!anyLetter || !Character.isLetterOrDigit(text[p])) {
                bits[p >> 6] |= 1L << p;
            }
        }
        return TextIndex.setBits(bits);
    }

    /**
     * The regions of the alphabet run {@code [runStart, runEnd)}: split where a digit run is longer than
     * the maximum (that run belongs to none), each kept when long enough, with enough digits and a
     * required character.
     */
    private void addRegions(TextIndex index, int runStart, int runEnd, CharRegions.Out out) {
        int[] runs = index.digitRuns();
        int k = firstRunEndingAfter(runs, runStart);
        int segmentStart = runStart;
        int digits = 0;
        for (; k < runs.length && runs[k] < runEnd; k += 2) {
            int length = runs[k + 1] - runs[k];
            if (length > maxDigitRun) {
                add(index, segmentStart, runs[k], digits, out);
                segmentStart = runs[k + 1];
                digits = 0;
            } else {
                digits += length;
                if (digits >= minDigits && maxDigitRun == Integer.MAX_VALUE) {
                    break;
                }
            }
        }
        add(index, segmentStart, runEnd, digits, out);
    }

    private void add(TextIndex index, int start, int end, int digits, CharRegions.Out out) {
        if (end - start >= minLength && digits >= minDigits && (required.isEmpty() || holdsOne(index.positionsOf(required), start, end))) {
            out.add(start, end);
        }
    }

    /** The index in {@code runs} ({@code [start0, end0, ...]}) of the first digit run ending after {@code at}. */
    private static int firstRunEndingAfter(int[] runs, int at) {
        int lo = 0;
        int hi = runs.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs[2 * mid + 1] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 2 * lo;
    }

    private static boolean holdsOne(int[] sortedPositions, int start, int end) {
        int k = Arrays.binarySearch(sortedPositions, start);
        k = k >= 0 ? k : -k - 1;
        return k < sortedPositions.length && sortedPositions[k] < end;
    }
}
