package dev.piimap.classifiers.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One text prepared for many detectors: its characters in an array, and facts about them computed
 * once, on first use, then shared by every detector that asks (which ASCII characters occur and how
 * often, where digit runs and word starts are, the lower-cased text). A
 * {@link dev.piimap.classifiers.Classifier} builds one
 * per text so that N detectors do not make N passes for the same facts. Each fact costs one linear
 * pass at most.
 *
 * <p>Not thread-safe: an index belongs to the one call that built it. The text must not change while
 * the index is in use.
 *
 * @see Detector#examine(TextIndex)
 */
public final class TextIndex {
    private static final int[] NONE = new int[0];
    /** Characters handled per block by the branch-free passes, which write a position for every character. */
    private static final int BLOCK = 1024;

    private final CharSequence text;
    private final char[] chars;
    private int[] asciiCounts;
    private int[] digitRuns;
    private DigitChains digitChains;
    private int[] wordStartsByPrefix;
    /**
     * Where each prefix's list begins in {@link #wordStartsByPrefix} (the counting sort's table); null for
     * a text with few word starts, whose lists are found in {@link #wordStartKeys} instead.
     */
    private int[] wordStartOffsets;
    /** The prefix key of each entry of {@link #wordStartsByPrefix}, ascending, when {@link #wordStartOffsets} is null. */
    private int[] wordStartKeys;
    /** Every word start of {@link #wordStartsByPrefix} in text order, and its prefix key (same index). */
    private int[] wordStartsInOrder;
    private int[] wordStartKeysInOrder;
    /** What each {@link StartWords} found in this text, by identity (see {@link StartWords#find}). */
    private Map<StartWords, int[]> startWordHits;
    private String lowerCase;
    private String string;
    private Map<String, int[]> positions;
    /** Every position, grouped by character (see {@link #buckets}); bucket {@code c} is {@code [bucketStarts[c], bucketStarts[c + 1])}. */
    private int[] bucketed;
    private int[] bucketStarts;

    private TextIndex(CharSequence text) {
        this.text = text;
        if (text instanceof String s) {
            this.chars = s.toCharArray();
        } else {
            char[] copy = new char[text.length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = text.charAt(i);
            }
            this.chars = copy;
        }
    }

    /** An index of {@code text}, which is copied once (later changes to a mutable text are not seen). */
    public static TextIndex of(CharSequence text) {
        return new TextIndex(text == null ? "" : text);
    }

    /** The text as a string (the text itself when it is one). */
    String string() {
        if (string == null) {
            string = text instanceof String s ? s : new String(chars);
        }
        return string;
    }

    /** The text as given. */
    public CharSequence text() {
        return text;
    }

    public int length() {
        return chars.length;
    }

    /** The characters of the text; callers must not modify the array. */
    char[] chars() {
        return chars;
    }

    /** How many times the ASCII character {@code c} occurs. */
    int count(char c) {
        basics();
        return asciiCounts[c];
    }

    /** How many characters of the text are ASCII digits. */
    int digitCount() {
        basics();
        int n = 0;
        for (char c = '0'; c <= '9'; c++) {
            n += asciiCounts[c];
        }
        return n;
    }

    /**
     * Maximal runs of ASCII digits as {@code [start0, end0, start1, end1, ...]}, ends exclusive, in
     * text order. Shared: callers must not modify the array.
     */
    public int[] digitRuns() {
        basics();
        return digitRuns;
    }

    /** The chains of digit runs for every registered alphabet (see {@link DigitChains}), found on first use. */
    DigitChains digitChains() {
        if (digitChains == null) {
            digitChains = DigitChains.of(chars, digitRuns(), DigitChains.SHARED);
        }
        return digitChains;
    }

    /**
     * Two passes without data-dependent branches (mixed text would mispredict them at every change of
     * kind): character counts, then the boundaries of the digit runs.
     */
    private void basics() {
        if (asciiCounts != null) {
            return;
        }
        int[] counts = new int[129];
        for (char c : chars) {
            counts[Math.min(c, 128)]++;
        }
        IntList bounds = new IntList();
        int[] block = new int[Math.min(BLOCK, chars.length) + 1];
        int previous = 0;
        for (int from = 0; from < chars.length; from += BLOCK) {
            int to = Math.min(chars.length, from + BLOCK);
            int k = 0;
            for (int i = from; i < to; i++) {
                int digit = (char) (chars[i] - '0') < 10 ? 1 : 0;
                block[k] = i;
                k += digit ^ previous;
                previous = digit;
            }
            bounds.addAll(block, k);
        }
        if (previous == 1) {
            bounds.add(chars.length);
        }
        digitRuns = bounds.toArray();
        asciiCounts = counts;
    }

    /**
     * The positions, in text order, of every character that is in {@code set} (a string of
     * characters, compared exactly).
     */
    int[] positionsOf(String set) {
        if (positions == null) {
            positions = new HashMap<>();
        }
        int[] found = positions.get(set);
        if (found == null) {
            found = collect(set);
            positions.put(set, found);
        }
        return found;
    }

    /**
     * Merges the buckets of the characters of {@code set}: one bucket is already in text order; more
     * are merged through a bit per text position (a pass over {@code length / 64} words, not the text).
     */
    private int[] collect(String set) {
        boolean[] wanted = new boolean[129];
        int symbols = 0;
        int expected = 0;
        for (int i = 0; i < set.length(); i++) {
            int symbol = Math.min(set.charAt(i), 128);
            if (!wanted[symbol]) {
                wanted[symbol] = true;
                symbols++;
                expected += symbol < 128 ? count((char) symbol) : count128();
            }
        }
        if (expected == 0) {
            return NONE;
        }
        buckets();
        if (symbols == 1 && !wanted[128]) {
            for (int c = 0; c < 128; c++) {
                if (wanted[c]) {
                    return Arrays.copyOfRange(bucketed, bucketStarts[c], bucketStarts[c + 1]);
                }
            }
        }
        long[] bits = new long[(chars.length >> 6) + 1];
        for (int c = 0; c <= 128; c++) {
            if (wanted[c]) {
                for (int k = bucketStarts[c]; k < bucketStarts[c + 1]; k++) {
                    int at = bucketed[k];
                    if (c < 128 || set.indexOf(chars[at]) >= 0) {
                        bits[at >> 6] |= 1L << at;
                    }
                }
            }
        }
        return setBits(bits);
    }

    /** The positions of the characters outside ASCII, in text order. */
    int[] positionsOutsideAscii() {
        if (count128() == 0) {
            return NONE;
        }
        buckets();
        return Arrays.copyOfRange(bucketed, bucketStarts[128], bucketStarts[129]);
    }

    /** The positions whose bits are set in {@code bits} (bit {@code p & 63} of word {@code p >> 6}), ascending. */
    static int[] setBits(long[] bits) {
        int n = 0;
        for (long word : bits) {
            n += Long.bitCount(word);
        }
        if (n == 0) {
            return NONE;
        }
        int[] out = new int[n];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                out[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
        return out;
    }

    /**
     * Every position of the text bucketed by its character (all characters outside ASCII share bucket
     * 128), each bucket in text order: a counting sort, one pass without data-dependent branches.
     */
    private void buckets() {
        if (bucketed != null) {
            return;
        }
        basics();
        int[] starts = new int[130];
        for (int c = 0; c <= 128; c++) {
            starts[c + 1] = starts[c] + asciiCounts[c];
        }
        int[] fill = Arrays.copyOf(starts, 129);
        int[] sorted = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            sorted[fill[Math.min(chars[i], 128)]++] = i;
        }
        bucketStarts = starts;
        bucketed = sorted;
    }

    private int count128() {
        basics();
        return asciiCounts[128];
    }

    /**
     * Where the list of word starts with prefix {@code key} begins in {@link #wordStartsByPrefix()}: the
     * positions, in text order, where a word may start with two characters whose lower cases are the
     * ASCII letters of the key ({@link #prefixKey}; for a second character outside a-z, the list of
     * every such character). The list ends where the list of {@code key + 1} begins. A word starts where
     * the position is 0, or follows a character that is neither a letter nor a digit, or starts a
     * camel-case hump (an upper-case letter after a lower-case one).
     */
    int wordStartsFrom(int key) {
        if (wordStartsByPrefix == null) {
            indexWordStarts();
        }
        if (wordStartOffsets != null) {
            return wordStartOffsets[key];
        }
        // The first entry whose key is not below {@code key}: a binary search over the few word starts.
        int low = 0;
        int high = wordStartKeys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (wordStartKeys[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Every word start, grouped by prefix (see {@link #wordStartsFrom}); callers must not modify it. */
    int[] wordStartsByPrefix() {
        if (wordStartsByPrefix == null) {
            indexWordStarts();
        }
        return wordStartsByPrefix;
    }

    /** Every word start in text order (the entries of {@link #wordStartsByPrefix} before sorting); callers must not modify it. */
    int[] wordStartsInOrder() {
        wordStartsByPrefix();
        return wordStartsInOrder;
    }

    /** The prefix key ({@link #prefixKey}) of each of {@link #wordStartsInOrder}, at the same index; callers must not modify it. */
    int[] wordStartKeysInOrder() {
        wordStartsByPrefix();
        return wordStartKeysInOrder;
    }

    /** How many word starts have a prefix key in {@code [fromKey, toKey)}. */
    int wordStartCount(int fromKey, int toKey) {
        return wordStartsFrom(toKey) - wordStartsFrom(fromKey);
    }

    /** What {@code words} found in this text before, or null (see {@link #rememberStartWordHits}). */
    int[] startWordHits(StartWords words) {
        return startWordHits == null ? null : startWordHits.get(words);
    }

    /** Keeps what {@code words} found, for the other patterns with the same words. */
    void rememberStartWordHits(StartWords words, int[] hits) {
        if (startWordHits == null) {
            startWordHits = new java.util.IdentityHashMap<>();
        }
        startWordHits.put(words, hits);
    }

    /**
     * Collects the word starts, then sorts them by prefix, stably (text order within one prefix): a
     * counting sort, or for the few word starts of a short text an insertion sort, which needs no table
     * of every prefix (lists are then found by binary search over the sorted keys). The first pass,
     * without data-dependent branches, keeps every letter that starts a word; the second keeps those
     * whose lower case is a letter a-z and computes their prefix.
     */
    private void indexWordStarts() {
        int n = chars.length;
        // About one word start per six characters in prose: room for most texts without growing, capped so
        // that a huge text without words (a dump of digits) does not reserve memory it never uses.
        int room = Math.min(n / 6, WORD_START_ROOM) + 16;
        IntList positions = new IntList(room);
        IntList keys = new IntList(room);
        int[] block = new int[Math.min(BLOCK, n) + 1];
        int[] blockKeys = new int[block.length];
        int previous = OTHER;
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            int count = 0;
            for (int i = from; i < to; i++) {
                char c = chars[i];
                int kind = c < 128 ? KIND[c] : kindOutsideAscii(c);
                block[count] = i;
                count += STARTS[previous * KINDS + kind];
                previous = kind;
            }
            int kept = 0;
            for (int j = 0; j < count; j++) {
                int i = block[j];
                char lower = lowerCaseChar(chars[i]);
                if (lower >= 'a' && lower <= 'z' && i + 1 < n) {
                    block[kept] = i;
                    blockKeys[kept++] = prefixKey(lower, lowerCaseChar(chars[i + 1]));
                }
            }
            positions.addAll(block, kept);
            keys.addAll(blockKeys, kept);
        }
        int[] keyArray = keys.toArray();
        int[] positionArray = positions.toArray();
        wordStartsInOrder = positionArray;
        wordStartKeysInOrder = keyArray;
        if (keyArray.length <= FEW_WORD_STARTS) {
            keyArray = keyArray.clone();
            positionArray = positionArray.clone();
            sortByKey(keyArray, positionArray);
            wordStartsByPrefix = positionArray;
            wordStartKeys = keyArray;
            return;
        }
        int[] offsets = new int[PREFIX_KEYS + 1];
        for (int key : keyArray) {
            offsets[key + 1]++;
        }
        for (int k = 1; k < offsets.length; k++) {
            offsets[k] += offsets[k - 1];
        }
        int[] sorted = new int[keyArray.length];
        int[] fill = Arrays.copyOf(offsets, offsets.length - 1);
        for (int j = 0; j < keyArray.length; j++) {
            sorted[fill[keyArray[j]]++] = positionArray[j];
        }
        wordStartsByPrefix = sorted;
        wordStartOffsets = offsets;
    }

    /** How many prefix keys there are ({@link #prefixKey} is below this). */
    static final int PREFIX_KEYS = 26 * 27;

    /** Most word starts the lists have room for before they grow. */
    private static final int WORD_START_ROOM = 1 << 16;

    /** Up to this many word starts are sorted by insertion (quadratic, but cheaper than a counting sort's table when few). */
    private static final int FEW_WORD_STARTS = 24;

    /** Sorts {@code keys} ascending, stably, moving {@code values} along. */
    private static void sortByKey(int[] keys, int[] values) {
        for (int i = 1; i < keys.length; i++) {
            int key = keys[i];
            int value = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    /** Character kinds for word starts: not a letter or digit, lower-case, upper-case, any other letter or digit. */
    private static final int OTHER = 0;
    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int ALNUM = 3;
    private static final int KINDS = 4;
    private static final byte[] KIND = new byte[128];
    /**
     * 1 where a character of the second kind starts a word after one of the first: a letter after a
     * character that is not a letter or digit, or an upper-case letter after a lower-case one.
     */
    private static final int[] STARTS = new int[KINDS * KINDS];

    static {
        for (char c = 0; c < 128; c++) {
            KIND[c] = (byte) (c >= 'a' && c <= 'z' ? LOWER : c >= 'A' && c <= 'Z' ? UPPER : c >= '0' && c <= '9' ? ALNUM : OTHER);
        }
        for (int before = 0; before < KINDS; before++) {
            for (int kind = LOWER; kind <= UPPER; kind++) {
                STARTS[before * KINDS + kind] = before == OTHER || (kind == UPPER && before == LOWER) ? 1 : 0;
            }
        }
    }

    private static int kindOutsideAscii(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return OTHER;
        }
        return Character.isLowerCase(c) ? LOWER : Character.isUpperCase(c) ? UPPER : ALNUM;
    }

    /**
     * The list a word start goes to: its first letter a-z, and its second character when that is a
     * letter a-z too (one shared list for every other second character).
     */
    static int prefixKey(char first, char second) {
        return (first - 'a') * 27 + (second >= 'a' && second <= 'z' ? second - 'a' : 26);
    }

    /**
     * Whether a word can start at {@code at}: no letter or digit precedes it, or it starts a camel-case
     * hump (an upper-case letter after a lower-case one: the {@code Password} of {@code userPassword}).
     */
    static boolean startsWord(char[] text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text[at - 1];
        if (before < 128) {
            if (!isAsciiLetterOrDigit(before)) {
                return true;
            }
        } else if (!Character.isLetterOrDigit(before)) {
            return true;
        }
        return Character.isUpperCase(text[at]) && Character.isLowerCase(before);
    }

    /**
     * The whole text lower-cased as {@code String.toLowerCase(Locale.ROOT)} does (its length may
     * differ from the text's).
     */
    String lowerCase() {
        if (lowerCase == null) {
            lowerCase = text.toString().toLowerCase(Locale.ROOT);
        }
        return lowerCase;
    }

    /** {@link Character#toLowerCase(char)}, with a shortcut for ASCII. */
    static char lowerCaseChar(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A growable list of ints. */
    static final class IntList {
        private int[] values;
        private int size;

        IntList() {
            this(16);
        }

        /** A list with room for {@code capacity} values before it grows. */
        IntList(int capacity) {
            values = new int[Math.max(1, capacity)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return values[i];
        }

        /** Adds {@code values[0, n)}. */
        void addAll(int[] more, int n) {
            if (size + n > values.length) {
                values = Arrays.copyOf(values, Math.max(size + n, size * 2));
            }
            System.arraycopy(more, 0, values, size, n);
            size += n;
        }

        int[] toArray() {
            return size == 0 ? NONE : Arrays.copyOf(values, size);
        }
    }
}
