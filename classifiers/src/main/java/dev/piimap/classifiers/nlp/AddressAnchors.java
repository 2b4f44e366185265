package dev.piimap.classifiers.nlp;

import dev.piimap.classifiers.detect.TextIndex;

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
        return regions(TextIndex.of(text), reach, radius);
    }

    /** {@link #regions(CharSequence, int, int)} of the indexed text, from the digit runs the index has found. */
    static List<int[]> regions(TextIndex index, int reach, int radius) {
        CharSequence text = index.text();
        int n = text.length();
        // Pass 1: digit runs short enough to be a house number or postcode.
        int[] digitRuns = index.digitRuns();
        int[] runs = new int[16];
        int count = 0;
        List<int[]> anchors = new ArrayList<>();
        for (int k = 0; k < digitRuns.length; k += 2) {
            int start = digitRuns[k];
            int i = digitRuns[k + 1];
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
        // Pass 2: words near a digit run that name a street type, read only within reach of the runs.
        int scanned = 0;
        int next = 0;
        for (int r = 0; r < count; r++) {
            int windowEnd = runs[r] + reach;
            // A word reaching this run ends at runs[r] - reach or later, so it holds that position - 1 or starts after it.
            int from = Math.max(scanned, runs[r] - reach - 1);
            if (from >= n || from > windowEnd) {
                continue;
            }
            from = wordBoundaryAtOrBefore(text, from, scanned);
            scanned = words(text, from, windowEnd, runs, count, reach, next, anchors);
            while (next < count && runs[next] < scanned - reach) {
                next++;
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

    /**
     * The nearest position at or before {@code at} (and not before {@code floor}, itself such a
     * position) where no word of pass 2 is under way: the text start, or after a character that can
     * neither be in a word nor continue one (a letter, or a slash as in {@code C/}).
     */
    private static int wordBoundaryAtOrBefore(CharSequence text, int at, int floor) {
        int i = at;
        while (i > floor && (isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '/')) {
            i--;
        }
        return i;
    }

    /** {@link Character#isLetter(char)}, with a shortcut for ASCII (the bulk of most texts). */
    private static boolean isLetter(char c) {
        if (c < 128) {
            int lower = c | 0x20;
            return lower >= 'a' && lower <= 'z';
        }
        return Character.isLetter(c);
    }

    /**
     * Reads the words from {@code from} (a word boundary) on, as long as they start at or before
     * {@code lastStart}, and adds those that are street-type words within {@code reach} of one of the
     * {@code runs} (the first {@code count}) to {@code anchors}. {@code next} is the first run not yet
     * left behind. Returns where reading stopped, a word boundary.
     */
    private static int words(CharSequence text, int from, int lastStart, int[] runs, int count, int reach, int next,
                             List<int[]> anchors) {
        int n = text.length();
        int i = from;
        while (i < n && i <= lastStart) {
            char c = text.charAt(i);
            if (!isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isLetter(text.charAt(i)) || text.charAt(i) == '/' && i == start + 1)) {
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
        return i;
    }

    /** Every street-type word (lower case) and the shapes it calls for. */
    private static final Map<String, Integer> TYPE_SHAPES = typeShapes();
    /** The compound suffixes by their last character (lower case), for a quick miss. */
    private static final Map<Character, List<String>> SUFFIXES_BY_LAST = AddressPatterns.COMPOUND_SUFFIXES.stream()
            .collect(Collectors.groupingBy(w -> w.charAt(w.length() - 1)));

    /** {@link #TYPE_SHAPES} of the words that pack ({@link PackedWords}); the shape bits fit in a byte. */
    private static final PackedWords PACKED_TYPE_SHAPES = new PackedWords(TYPE_SHAPES.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> (byte) (int) e.getValue())));

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
    static int streetShapes(CharSequence text, int start, int end) {
        return streetShapes(text, start, end, true);
    }

    /**
     * {@link #streetShapes}, with or without the quick paths: rejecting words that cannot name a street type
     * ({@link #mayNameStreetType}), and looking short ASCII words up packed ({@link PackedWords}); both give
     * the same (tests compare them), the quick one mostly without copying the word.
     */
    static int streetShapes(CharSequence text, int start, int end, boolean quickRejection) {
        int length = end - start;
        if (length < 2) {
            return 0;
        }
        boolean compound = length > 3 && Character.isUpperCase(text.charAt(start));
        if (length > MAX_TYPE_WORD && !compound) {
            return 0;
        }
        if (quickRejection && !mayNameStreetType(text, start, end, compound)) {
            return 0;
        }
        if (quickRejection && !compound) {
            long key = PackedWords.key(text, start, end);
            if (key != PackedWords.UNPACKABLE) {
                return PACKED_TYPE_SHAPES.get(key, (byte) 0) & 0xFF;
            }
        }
        if (quickRejection && compound) {
            int shapes = asciiCompoundShapes(text, start, end);
            if (shapes >= 0) {
                return shapes;
            }
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

    /**
     * {@link #streetShapes} of a capitalised word whose first 40 characters are ASCII letters, worked out
     * without copying it: its lower case is then one character per character, so the type look-up can be
     * packed and the suffixes compared in place. -1 for other words (and type-length words too long to
     * pack), which take the copying path.
     */
    private static int asciiCompoundShapes(CharSequence text, int start, int end) {
        int cut = Math.min(end, start + 40);
        for (int i = start; i < cut; i++) {
            int lower = text.charAt(i) | 0x20;
            if (lower < 'a' || lower > 'z') {
                return -1;
            }
        }
        int shapes = 0;
        if (end - start <= MAX_TYPE_WORD) {
            long key = PackedWords.key(text, start, end);
            if (key == PackedWords.UNPACKABLE) {
                return -1;
            }
            shapes = PACKED_TYPE_SHAPES.get(key, (byte) 0) & 0xFF;
        }
        boolean period = end < text.length() && text.charAt(end) == '.';
        List<String> suffixes = SUFFIXES_BY_LAST.get(period ? '.' : asciiLower(text.charAt(cut - 1)));
        if (suffixes != null) {
            for (String suffix : suffixes) {
                if (endsWith(text, start, cut, period, suffix)) {
                    return shapes | AddressPatterns.DE_NL;
                }
            }
        }
        return shapes;
    }

    /** Whether the lower case of the ASCII letters {@code [start, cut)}, then a period if {@code period}, ends with {@code suffix}. */
    private static boolean endsWith(CharSequence text, int start, int cut, boolean period, String suffix) {
        int total = cut - start + (period ? 1 : 0);
        if (suffix.length() > total) {
            return false;
        }
        for (int s = suffix.length() - 1, j = total - 1; s >= 0; s--, j--) {
            char c = period && j == total - 1 ? '.' : asciiLower(text.charAt(start + j));
            if (c != suffix.charAt(s)) {
                return false;
            }
        }
        return true;
    }

    /** Per pair of ASCII characters (lower case, {@code 128 * first + second}), whether a street-type word starts with them. */
    private static final boolean[] TYPE_STARTS = new boolean[128 * 128];
    /** Per ASCII character (lower case), whether a compound suffix ends with it. */
    private static final boolean[] SUFFIX_ENDS = new boolean[128];

    static {
        for (String type : TYPE_SHAPES.keySet()) {
            if (type.charAt(0) < 128 && type.charAt(1) < 128) {
                TYPE_STARTS[128 * type.charAt(0) + type.charAt(1)] = true;
            }
        }
        for (char last : SUFFIXES_BY_LAST.keySet()) {
            if (last < 128) {
                SUFFIX_ENDS[last] = true;
            }
        }
    }

    /**
     * False when {@link #streetShapes} of the word {@code [start, end)} (two letters or more, no longer
     * than {@value #MAX_TYPE_WORD} unless {@code compound}) is certainly 0, judged without copying it:
     * its first two characters start no street-type word, and it is no compound or its last character
     * (of the first 40 read) ends no compound suffix. Characters outside ASCII, whose lower case this
     * does not work out, let the word through.
     */
    private static boolean mayNameStreetType(CharSequence text, int start, int end, boolean compound) {
        if (end - start <= MAX_TYPE_WORD) {
            char first = text.charAt(start);
            char second = text.charAt(start + 1);
            if (first >= 128 || second >= 128 || TYPE_STARTS[128 * asciiLower(first) + asciiLower(second)]) {
                return true;
            }
        }
        if (!compound) {
            return false;
        }
        char last = text.charAt(Math.min(end, start + 40) - 1);
        boolean period = end < text.length() && text.charAt(end) == '.';
        return period || last >= 128 || SUFFIX_ENDS[asciiLower(last)];
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
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

    /** The shapes {@link #possibleByParts} judges. */
    static final int PART_GATED = AddressPatterns.DE_NL | AddressPatterns.POSTCODE_CITY | AddressPatterns.EN_TAIL
            | AddressPatterns.IT_LOWER;
    /** The compound suffixes case-folded as {@link #fold} does, for {@link #possibleByParts}. */
    private static final List<String> FOLDED_SUFFIXES = AddressPatterns.COMPOUND_SUFFIXES.stream().map(AddressAnchors::fold).toList();

    /**
     * Of the {@link #PART_GATED} shapes, those whose required parts {@code window} may hold; a shape
     * left out has no match there. The German/Dutch shape needs a compound suffix (in any case) or a
     * German prefix word ({@code An der}, as written); the shapes whose postcode/city tail is required
     * need its digits: postcode before city a run of four ASCII digits, Italian with a lower-case word
     * five ({@code \d{5}}), English with a USPS suffix five (a ZIP code) or a digit followed by two
     * capitals (the end of a UK postcode). One pass over the window plus a substring search per word.
     */
    static int possibleByParts(CharSequence window) {
        int n = window.length();
        int longestRun = 0;
        int run = 0;
        boolean ukPostcodeEnd = false;
        for (int i = 0; i < n; i++) {
            if (isDigit(window.charAt(i))) {
                longestRun = Math.max(longestRun, ++run);
                ukPostcodeEnd |= i + 2 < n && isAsciiUpper(window.charAt(i + 1)) && isAsciiUpper(window.charAt(i + 2));
            } else {
                run = 0;
            }
        }
        int shapes = 0;
        if (longestRun >= 4) {
            shapes |= AddressPatterns.POSTCODE_CITY;
        }
        if (longestRun >= 5) {
            shapes |= AddressPatterns.IT_LOWER;
        }
        if (longestRun >= 5 || ukPostcodeEnd) {
            shapes |= AddressPatterns.EN_TAIL;
        }
        if (holdsGermanDutchStreetPart(window)) {
            shapes |= AddressPatterns.DE_NL;
        }
        return shapes;
    }

    private static boolean holdsGermanDutchStreetPart(CharSequence window) {
        String text = window.toString();
        for (String prefix : AddressPatterns.DE_PREFIXES) {
            if (text.contains(prefix)) {
                return true;
            }
        }
        String folded = fold(text);
        for (String suffix : FOLDED_SUFFIXES) {
            if (folded.contains(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each character as {@code Character.toLowerCase(Character.toUpperCase(c))}: one character for
     * every member of a case-folding orbit RE2J's {@code (?i)} matches alike ({@code s}, {@code S} and
     * long {@code ſ}; {@code k}, {@code K} and the Kelvin sign; {@code ß} and {@code ẞ}), and the same
     * length as the text.
     */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(out);
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
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
