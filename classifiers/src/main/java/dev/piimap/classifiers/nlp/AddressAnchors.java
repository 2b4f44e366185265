package dev.piimap.classifiers.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The street-address prefilter: regions of a text around an anchor. An anchor is a street-type word
 * ({@link AddressPatterns}) within reach of a digit run of at most five digits (a house number or
 * postcode), or such a run of four or five digits followed by a space and a capital (a postcode before
 * a city or a Dutch postcode's letters). Each region carries a bit set of the {@link AddressPatterns#SHAPES}
 * its anchors call for (index {@code i} is bit {@code 1 << i}), so only those run on it. Linear: each
 * character is read a bounded number of times.
 */
final class AddressAnchors {
    private static final int MAX_TYPE_WORD = 16;

    private AddressAnchors() {
    }

    /** Regions as {@code {start, end, shapeBits}}, in text order, not overlapping. */
    static List<int[]> regions(CharSequence text, int reach, int radius) {
        int n = text.length();
        // Pass 1: digit runs short enough to be a house number or postcode.
        int[] runs = new int[16];
        int count = 0;
        List<int[]> anchors = new ArrayList<>();
        for (int i = 0; i < n; ) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length > 5) {
                continue;
            }
            if (count == runs.length) {
                runs = Arrays.copyOf(runs, count * 2);
            }
            runs[count++] = start;
            if (length >= 4 && i + 1 < n && text.charAt(i) == ' ' && Character.isUpperCase(text.charAt(i + 1))) {
                anchors.add(new int[] {start, i, AddressPatterns.POSTCODE_SHAPES});
            }
        }
        if (count == 0) {
            return List.of();
        }
        // Pass 2: words near a digit run that name a street type.
        int next = 0;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '/' && i == start + 1)) {
                i++;
            }
            while (next < count && runs[next] < start - reach) {
                next++;
            }
            if (next >= count || runs[next] > i + reach) {
                continue;
            }
            int shapes = streetShapes(text, start, i);
            if (shapes != 0) {
                anchors.add(new int[] {start, i, shapes});
            }
        }
        anchors.sort(Comparator.comparingInt(a -> a[0]));
        List<int[]> regions = new ArrayList<>();
        for (int[] a : anchors) {
            int from = Math.max(0, a[0] - radius);
            int to = Math.min(n, a[1] + radius);
            int[] last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
                last[2] |= a[2];
            } else {
                regions.add(new int[] {from, to, a[2]});
            }
        }
        return regions;
    }

    /** The shapes a street-type word calls for, or 0 when the word names no street type. */
    private static int streetShapes(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 2) {
            return 0;
        }
        String word = text.subSequence(start, Math.min(end, start + 40)).toString().toLowerCase(Locale.ROOT);
        int shapes = 0;
        if (length <= MAX_TYPE_WORD) {
            shapes |= AddressPatterns.EN_TYPES.contains(word) ? AddressPatterns.EN : 0;
            shapes |= AddressPatterns.FR_TYPES.contains(word) ? AddressPatterns.FR : 0;
            shapes |= AddressPatterns.ES_TYPES.contains(word) ? AddressPatterns.ES : 0;
            shapes |= AddressPatterns.IT_TYPES.contains(word) ? AddressPatterns.IT | AddressPatterns.IT_LOWER : 0;
            shapes |= AddressPatterns.EN_TAIL_TYPES.contains(word) ? AddressPatterns.EN_TAIL : 0;
        }
        if (length > 3 && Character.isUpperCase(text.charAt(start))) {
            String compound = end < text.length() && text.charAt(end) == '.' ? word + "." : word;
            for (String suffix : AddressPatterns.COMPOUND_SUFFIXES) {
                if (compound.endsWith(suffix)) {
                    shapes |= AddressPatterns.DE_NL;
                    break;
                }
            }
        }
        return shapes;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
