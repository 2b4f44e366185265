package dev.piimap.classifiers.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** Every street-type word (lower case) and the shapes it calls for. */
    private static final Map<String, Integer> TYPE_SHAPES = typeShapes();
    /** The compound suffixes by their last character (lower case), for a quick miss. */
    private static final Map<Character, List<String>> SUFFIXES_BY_LAST = AddressPatterns.COMPOUND_SUFFIXES.stream()
            .collect(Collectors.groupingBy(w -> w.charAt(w.length() - 1)));

    private static Map<String, Integer> typeShapes() {
        Map<String, Integer> shapes = new HashMap<>();
        AddressPatterns.EN_TYPES.forEach(w -> shapes.merge(w, AddressPatterns.EN, (a, b) -> a | b));
        AddressPatterns.FR_TYPES.forEach(w -> shapes.merge(w, AddressPatterns.FR, (a, b) -> a | b));
        AddressPatterns.ES_TYPES.forEach(w -> shapes.merge(w, AddressPatterns.ES, (a, b) -> a | b));
        AddressPatterns.IT_TYPES.forEach(w -> shapes.merge(w, AddressPatterns.IT | AddressPatterns.IT_LOWER, (a, b) -> a | b));
        AddressPatterns.EN_TAIL_TYPES.forEach(w -> shapes.merge(w, AddressPatterns.EN_TAIL, (a, b) -> a | b));
        return Map.copyOf(shapes);
    }

    /** The shapes a street-type word calls for, or 0 when the word names no street type. */
    private static int streetShapes(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 2) {
            return 0;
        }
        boolean compound = length > 3 && Character.isUpperCase(text.charAt(start));
        if (length > MAX_TYPE_WORD && !compound) {
            return 0;
        }
        String word = text.subSequence(start, Math.min(end, start + 40)).toString().toLowerCase(Locale.ROOT);
        int shapes = 0;
        if (length <= MAX_TYPE_WORD) {
            shapes = TYPE_SHAPES.getOrDefault(word, 0);
        }
        if (compound) {
            boolean period = end < text.length() && text.charAt(end) == '.';
            List<String> suffixes = SUFFIXES_BY_LAST.get(period ? '.' : word.charAt(word.length() - 1));
            if (suffixes != null) {
                String withPeriod = period ? word + "." : word;
                for (String suffix : suffixes) {
                    if (withPeriod.endsWith(suffix)) {
                        shapes |= AddressPatterns.DE_NL;
                        break;
                    }
                }
            }
        }
        return shapes;
    }

    /** The shapes {@link #possibleShapes} judges; the others (German/Dutch compounds, postcode before city) always run. */
    static final int GATED = AddressPatterns.EN | AddressPatterns.FR | AddressPatterns.ES | AddressPatterns.IT
            | AddressPatterns.EN_TAIL | AddressPatterns.IT_LOWER;
    private static final int AFTER_SPACE = AddressPatterns.EN | AddressPatterns.FR | AddressPatterns.EN_TAIL;
    private static final int WHOLE_WORD = AddressPatterns.IT | AddressPatterns.IT_LOWER;
    /** Characters enough to hold the longest Spanish street type. */
    private static final int MAX_SPANISH_TYPE = AddressPatterns.ES_TYPES.stream().mapToInt(String::length).max().orElse(0);

    /**
     * Of the {@link #GATED} shapes, those that may have a match worth reporting in {@code window}, judged
     * from its words: the English and French shapes put a space or tab before their street type, the
     * Italian ones have it as a whole word ({@code Via}, or {@code V.le}, {@code P.za}, {@code C.so}), and
     * a reported Spanish match starts a word with its type ({@code Calle}, {@code CalleMayor}, {@code C/}).
     * A window without such a word has no such match, so that shape's pattern need not run. A word with
     * a character outside ASCII (whose case folding this does not follow) lets every shape through.
     */
    static int possibleShapes(CharSequence window) {
        int shapes = 0;
        int n = window.length();
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(window.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            while (i < n && Character.isLetter(window.charAt(i))) {
                ascii &= window.charAt(i) < 128;
                i++;
            }
            // The Spanish type may run on into the next word or take a slash (CalleMayor, C/): read ahead.
            int ahead = Math.min(n, start + MAX_SPANISH_TYPE);
            for (int k = i; k < ahead; k++) {
                ascii &= window.charAt(k) < 128;
            }
            if (!ascii) {
                return GATED;
            }
            String lower = window.subSequence(start, Math.min(i, start + MAX_TYPE_WORD + 1)).toString().toLowerCase(Locale.ROOT);
            int whole = i - start <= MAX_TYPE_WORD ? TYPE_SHAPES.getOrDefault(lower, 0) : 0;
            char before = start > 0 ? window.charAt(start - 1) : 0;
            if (before == ' ' || before == '\t') {
                shapes |= whole & AFTER_SPACE;
            }
            shapes |= whole & WHOLE_WORD;
            if ((shapes & AddressPatterns.ES) == 0 && !(start > 0 && Character.isDigit(before))
                    && startsWithSpanishType(window.subSequence(start, ahead).toString().toLowerCase(Locale.ROOT))) {
                shapes |= AddressPatterns.ES;
            }
            if (shapes == GATED) {
                return shapes;
            }
        }
        String text = window.toString();
        if (text.contains("V.le") || text.contains("P.za") || text.contains("C.so")) {
            shapes |= WHOLE_WORD;
        }
        return shapes;
    }

    private static boolean startsWithSpanishType(String lower) {
        for (String type : AddressPatterns.ES_TYPES) {
            if (lower.startsWith(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
