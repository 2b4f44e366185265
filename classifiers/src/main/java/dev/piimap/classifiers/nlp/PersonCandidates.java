package dev.piimap.classifiers.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cheap first pass of the person detector: finds the regions of a text worth giving to the model.
 * A region surrounds an anchor, a capitalised word that is a known name ({@link NameLexicon#isName}),
 * a title or strong label ({@code Dr}, {@code Name}, {@code Dear}, {@code Regards}), an initial before
 * a capitalised word ({@code J. Smith}), or the second of two capitalised words in a row when neither
 * is only a common word ({@code Zura Kezraka}, not {@code Desk Lamp} or {@code Kestrel Insurance}). Short all-capital words ({@code LG}, {@code NT}) are no
 * anchors. Text without an upper-case letter has no anchor. Linear in the text length; allocates only for capitalised words.
 */
final class PersonCandidates {
    /** Characters of context kept on each side of an anchor (then widened to whitespace). */
    static final int RADIUS = 50;
    /** Longer letter runs are not looked up: no name word is this long. */
    static final int MAX_WORD = 40;
    /** At most this many characters more are taken to reach whitespace, so a region rarely cuts a word. */
    static final int SNAP = 40;
    /** Regions are not merged past this length, so one model call stays small. */
    static final int MAX_REGION = 1200;

    private PersonCandidates() {
    }

    /** Non-overlapping {@code [start, end)} regions in text order, empty when there is no anchor. */
    static List<int[]> regions(CharSequence text, NameLexicon lexicon) {
        List<int[]> regions = new ArrayList<>();
        int n = text.length();
        int previousCapitalEnd = -1;
        boolean previousCommon = false;
        // Only words starting with a capital can anchor, so the scan jumps from one to the next and never
        // walks the (far more numerous) lower-case words. Skipping them changes nothing: a word between two
        // capitalised ones puts letters between them, which already fails the "only spaces" test below.
        int i = nextCapitalWordStart(text, 0, n);
        while (i < n) {
            int start = i;
            i = wordEnd(text, i + 1, n);
            boolean anchor;
            boolean common = false;
            if (i - start == 1) {
                anchor = isInitialBeforeName(text, i);
            } else if (i - start > MAX_WORD || i - start <= 3 && isAllCaps(text, start, i)) {
                // Short all-capital words are acronyms (LG, CO, NT); names in all-capital text are longer ones.
                anchor = false;
            } else {
                // One gazetteer lookup answers isCommonWord, isName and (for a word that packs) isCue.
                int flags = lexicon.packedFlags(text, start, i);
                boolean cue;
                if (flags >= 0) {
                    cue = (flags & NameLexicon.CUE) != 0;
                } else {
                    String lower = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
                    flags = lexicon.flagsOf(lower);
                    cue = NameLexicon.isCue(lower);
                }
                boolean name = (flags & (NameLexicon.GIVEN | NameLexicon.FAMILY)) != 0;
                boolean word = (flags & NameLexicon.WORD) != 0;
                common = word && !name;
                anchor = cue || name && !word
                        || previousCapitalEnd >= 0 && !common && !previousCommon && onlySpaces(text, previousCapitalEnd, start);
            }
            if (anchor) {
                add(regions, text, start, i);
            }
            previousCapitalEnd = i - start >= 2 ? i : -1;
            previousCommon = common;
            i = nextCapitalWordStart(text, i, n);
        }
        return regions;
    }

    /**
     * The first position at or after {@code from} where a word starts with an upper-case letter, or
     * {@code n}. A word is a run of letters, which may go on over one apostrophe or hyphen between two
     * letters ({@code O'Brien}, {@code Jean-Luc}); whether a letter starts one depends only on the two
     * characters before it, so the search may begin anywhere.
     */
    static int nextCapitalWordStart(CharSequence text, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            boolean capital = c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c) && Character.isLetter(c);
            if (capital && startsWord(text, i)) {
                return i;
            }
        }
        return n;
    }

    private static boolean startsWord(CharSequence text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        if (Character.isLetter(before)) {
            return false;
        }
        return !(isJoiner(before) && at >= 2 && Character.isLetter(text.charAt(at - 2)));
    }

    /** The end of the word whose letters go on at {@code from} (a letter or joiner may be there, or not). */
    static int wordEnd(CharSequence text, int from, int n) {
        int i = from;
        while (i < n) {
            char d = text.charAt(i);
            if (Character.isLetter(d) || isJoiner(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '-';
    }

    static boolean isAllCaps(CharSequence text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    static boolean isInitialBeforeName(CharSequence text, int end) {
        int j = end;
        if (j >= text.length() || text.charAt(j) != '.') {
            return false;
        }
        j++;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j < text.length() && Character.isUpperCase(text.charAt(j));
    }

    static boolean onlySpaces(CharSequence text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (text.charAt(k) != ' ') {
                return false;
            }
        }
        return to > from;
    }

    static void add(List<int[]> regions, CharSequence text, int anchorStart, int anchorEnd) {
        int start = Math.max(0, anchorStart - RADIUS);
        // A start at or before the last region's end merges into it wherever it snaps, so snapping stops there.
        int startLimit = Math.max(0, start - SNAP);
        if (!regions.isEmpty()) {
            startLimit = Math.max(startLimit, Math.min(start, regions.get(regions.size() - 1)[1]));
        }
        while (start > startLimit && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(text.length(), anchorEnd + RADIUS);
        int endLimit = Math.min(text.length(), end + SNAP);
        while (end < endLimit && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (!regions.isEmpty()) {
            int[] last = regions.get(regions.size() - 1);
            if (start <= last[1]) {
                if (end - last[0] <= MAX_REGION) {
                    last[1] = Math.max(last[1], end);
                    return;
                }
                start = last[1];
                if (start >= end) {
                    return;
                }
            }
        }
        regions.add(new int[] {start, end});
    }
}
