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

    private final CharSequence text;
    private final char[] chars;
    /**
     * How often each ASCII character occurs, and at 128 how many characters lie outside ASCII: exact for
     * the bucketed characters and the space after the pass; for the digits once {@link #digitsCounted},
     * for the letters a-z once {@link #lettersCounted}.
     */
    private int[] asciiCounts;
    private boolean digitsCounted;
    /** Bit {@code d}: whether digit {@code d} is known to occur, or known not to (see {@link #contains}). */
    private int digitsSeen;
    private int digitsMissing;
    private boolean lettersCounted;
    private int digitCount;
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
    private DelimitedHeaders headers;
    private String string;
    private Map<String, int[]> positions;
    /** The positions of the bucketed characters, grouped by character (see {@link #buckets}); bucket {@code c} is {@code [bucketStarts[c], bucketStarts[c + 1])}. */
    private int[] bucketed;
    private int[] bucketStarts;
    /** The positions of the bucketed characters in text order, from the first pass; dropped once bucketed. */
    private int[] rarePositions;

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
        if (c >= '0' && c <= '9' && !digitsCounted) {
            countDigits();
        } else if (c >= 'a' && c <= 'z' && !lettersCounted) {
            countLetters();
        }
        return asciiCounts[c];
    }

    /**
     * Whether the ASCII character {@code c} occurs. For a digit whose count is not known yet, the digit
     * runs are read only until one holds it (a {@code 0} is usually in the first few).
     */
    boolean contains(char c) {
        basics();
        if (c >= '0' && c <= '9' && !digitsCounted) {
            int bit = 1 << (c - '0');
            if ((digitsSeen & bit) == 0 && (digitsMissing & bit) == 0) {
                if (inDigitRuns(c)) {
                    digitsSeen |= bit;
                } else {
                    digitsMissing |= bit;
                }
            }
            return (digitsSeen & bit) != 0;
        }
        return count(c) > 0;
    }

    private boolean inDigitRuns(char digit) {
        for (int r = 0; r < digitRuns.length; r += 2) {
            for (int i = digitRuns[r]; i < digitRuns[r + 1]; i++) {
                if (chars[i] == digit) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many characters of the text are ASCII digits. */
    int digitCount() {
        basics();
        return digitCount;
    }

    /** Fills in the counts of the single digits, which the pass leaves out (see {@link #pass}), from the digit runs. */
    private void countDigits() {
        for (int r = 0; r < digitRuns.length; r += 2) {
            for (int i = digitRuns[r]; i < digitRuns[r + 1]; i++) {
                asciiCounts[chars[i]]++;
            }
        }
        digitsCounted = true;
    }

    /**
     * Fills in the counts of the letters a-z, which the pass leaves out (see {@link #pass}), from the
     * whole text: no shipped spec needs a lower-case letter.
     */
    private void countLetters() {
        for (char c : chars) {
            if (c >= 'a' && c <= 'z') {
                asciiCounts[c]++;
            }
        }
        lettersCounted = true;
    }

    /**
     * Maximal runs of ASCII digits as {@code [start0, end0, start1, end1, ...]}, ends exclusive, in
     * text order. Shared: callers must not modify the array.
     */
    public int[] digitRuns() {
        basics();
        return digitRuns;
    }

    /**
     * The column headers of the text's delimited rows (see {@link DelimitedHeaders}), shared by every
     * detector: what one learns about a table (where it starts, whether its first line is a header)
     * spares the others walking its rows again.
     */
    DelimitedHeaders headers() {
        if (headers == null) {
            headers = new DelimitedHeaders(this);
        }
        return headers;
    }

    /** The chains of digit runs for every registered alphabet (see {@link DigitChains}), found on first use. */
    DigitChains digitChains() {
        if (digitChains == null) {
            digitChains = DigitChains.of(chars, digitRuns(), DigitChains.SHARED);
        }
        return digitChains;
    }

    /**
     * One pass over the text, 64 characters at a time, for the facts every detector asks for: character
     * counts, the boundaries of the digit runs, the positions of the characters {@link #buckets} groups,
     * and the word starts in text order with their prefix keys
     * (sorted by prefix later, by {@link #indexWordStarts}, when first asked for). Each character is looked
     * up once in {@link #FLAGS}, and 8 characters' flags are gathered into bit masks with a multiplication;
     * word starts and run boundaries are then computed for the 64 characters at once from those masks
     * (shifted by one for the character before), without a branch per character: mixed text would
     * mispredict one at every change of kind. Characters outside ASCII, rare, are classified one by one.
     * Characters are not counted one by one: the bucketed ones (about a fifth) are counted from their
     * positions after the pass, digits and a-z as a whole from the masks' bits, and the space as what is
     * left; single digits and letters only when asked for ({@link #countDigits}, {@link #countLetters}). Counting every
     * character into tables cost about a fifth of the pass.
     */
    private void basics() {
        if (asciiCounts != null) {
            return;
        }
        // A short text (a database value) is often ruled out by its counts alone: its word starts wait
        // until asked for.
        pass(chars.length >= SHORT_TEXT, true);
    }

    /** Texts shorter than this have their word starts found only when asked for (see {@link #basics}). */
    private static final int SHORT_TEXT = 256;

    /**
     * The pass of {@link #basics}: with {@code facts}, counts, digit-run boundaries and the positions to
     * bucket; with {@code words}, word starts in text order and their keys.
     */
    private void pass(boolean words, boolean facts) {
        int n = chars.length;
        int digits = 0;
        int asciiLowers = 0;
        PassLists lists = PASS_LISTS.get();
        IntList bounds = facts ? lists.bounds.clear() : null;
        IntList rarePositions = facts ? lists.rarePositions.clear() : null;
        IntList positions = words ? lists.wordStarts.clear() : null;
        IntList keys = words ? lists.wordStartKeys.clear() : null;
        long carryWordChar = 0;
        long carryLower = 0;
        long carryDigit = 0;
        for (int base = 0; base < n; base += 64) {
            int length = Math.min(64, n - base);
            long lower = 0;
            long upper = 0;
            long otherWordChar = 0;
            long digit = 0;
            long outside = 0;
            long rare = 0;
            int j = 0;
            for (; j + 7 < length; j += 8) {
                int i = base + j;
                int c0 = Math.min(chars[i], 128);
                int c1 = Math.min(chars[i + 1], 128);
                int c2 = Math.min(chars[i + 2], 128);
                int c3 = Math.min(chars[i + 3], 128);
                int c4 = Math.min(chars[i + 4], 128);
                int c5 = Math.min(chars[i + 5], 128);
                int c6 = Math.min(chars[i + 6], 128);
                int c7 = Math.min(chars[i + 7], 128);
                long f = FLAGS[c0] | (long) FLAGS[c1] << 8 | (long) FLAGS[c2] << 16 | (long) FLAGS[c3] << 24
                        | (long) FLAGS[c4] << 32 | (long) FLAGS[c5] << 40 | (long) FLAGS[c6] << 48 | (long) FLAGS[c7] << 56;
                lower |= gather(f, LOWER_FLAG) << j;
                upper |= gather(f, UPPER_FLAG) << j;
                otherWordChar |= gather(f, OTHER_WORD_FLAG) << j;
                digit |= gather(f, DIGIT_FLAG) << j;
                outside |= gather(f, OUTSIDE_FLAG) << j;
                rare |= gather(f, RARE_FLAG) << j;
            }
            for (; j < length; j++) {
                int c = Math.min(chars[base + j], 128);
                long f = FLAGS[c];
                lower |= (f >>> LOWER_FLAG & 1) << j;
                upper |= (f >>> UPPER_FLAG & 1) << j;
                otherWordChar |= (f >>> OTHER_WORD_FLAG & 1) << j;
                digit |= (f >>> DIGIT_FLAG & 1) << j;
                outside |= (f >>> OUTSIDE_FLAG & 1) << j;
                rare |= (f >>> RARE_FLAG & 1) << j;
            }
            digits += Long.bitCount(digit);
            asciiLowers += Long.bitCount(lower);
            for (long m = outside; m != 0; m &= m - 1) {
                int k = Long.numberOfTrailingZeros(m);
                switch (kindOutsideAscii(chars[base + k])) {
                    case LOWER -> lower |= 1L << k;
                    case UPPER -> upper |= 1L << k;
                    case ALNUM -> otherWordChar |= 1L << k;
                    default -> { }
                }
            }
            long wordChar = lower | upper | otherWordChar;
            // A letter starts a word after a character that is neither a letter nor a digit, and an
            // upper-case letter after a lower-case one (a camel-case hump).
            long starts = (lower | upper) & ~(wordChar << 1 | carryWordChar) | upper & (lower << 1 | carryLower);
            long edges = digit ^ (digit << 1 | carryDigit);
            if (length < 64) {
                edges &= (1L << length) - 1;
            }
            carryWordChar = wordChar >>> 63;
            carryLower = lower >>> 63;
            carryDigit = digit >>> 63;
            if (facts && rare != 0) {
                int[] at = rarePositions.room(64);
                int k = rarePositions.size();
                for (long m = rare; m != 0; m &= m - 1) {
                    at[k++] = base + Long.numberOfTrailingZeros(m);
                }
                rarePositions.setSize(k);
            }
            for (long m = facts ? edges : 0; m != 0; m &= m - 1) {
                bounds.add(base + Long.numberOfTrailingZeros(m));
            }
            if (words && starts != 0) {
                addWordStarts(starts, base, positions, keys);
            }
            if (length < 64) {
                carryDigit = digit >>> (length - 1) & 1;
            }
        }
        if (words) {
            wordStartsInOrder = positions.toArray();
            wordStartKeysInOrder = keys.toArray();
        }
        if (facts) {
            if (carryDigit == 1) {
                bounds.add(n);
            }
            digitRuns = bounds.toArray();
            int[] rare = rarePositions.toArray();
            // The bucketed characters are counted from their positions, the space as what is left.
            int[] counts = new int[129];
            for (int i : rare) {
                counts[Math.min(chars[i], 128)]++;
            }
            counts[' '] = n - rare.length - digits - asciiLowers;
            this.rarePositions = rare;
            digitCount = digits;
            asciiCounts = counts;
        }
        lists.release();
    }

    /**
     * Adds the word starts marked in {@code starts} (bit {@code k} for position {@code base + k}) and their
     * prefix keys, writing into the lists' arrays directly (a block of 64 characters has at most 64): a
     * text has a word start every six characters or so. Both characters in ASCII, the usual case, the
     * key is two table reads; a word start whose first character is not a letter in either case once
     * lower-cased (outside ASCII) is left out, as is one at the text's last character.
     */
    private void addWordStarts(long starts, int base, IntList positions, IntList keys) {
        int[] at = positions.room(64);
        int[] key = keys.room(64);
        int k = positions.size();
        for (long m = starts; m != 0; m &= m - 1) {
            int i = base + Long.numberOfTrailingZeros(m);
            if (i + 1 >= chars.length) {
                break;
            }
            char first = chars[i];
            char second = chars[i + 1];
            if ((first | second) < 128) {
                // Only letters start words, so the first is one: its index is 0-25.
                at[k] = i;
                key[k++] = LETTER_INDEX[first] * 27 + LETTER_INDEX[second];
            } else {
                char lower = lowerCaseChar(first);
                if (lower >= 'a' && lower <= 'z') {
                    at[k] = i;
                    key[k++] = prefixKey(lower, lowerCaseChar(second));
                }
            }
        }
        positions.setSize(k);
        keys.setSize(k);
    }

    /** Per ASCII character: 0-25 for the letters a-z in either case, 26 for every other (as in {@link #prefixKey}). */
    private static final int[] LETTER_INDEX = new int[128];

    static {
        for (char c = 0; c < 128; c++) {
            char lower = lowerCaseChar(c);
            LETTER_INDEX[c] = lower >= 'a' && lower <= 'z' ? lower - 'a' : 26;
        }
    }

    /** Bits of {@link #FLAGS}: a lower-case letter, an upper-case one, another letter or digit, an ASCII digit, outside ASCII. */
    private static final int LOWER_FLAG = 0;
    private static final int UPPER_FLAG = 1;
    private static final int OTHER_WORD_FLAG = 2;
    private static final int DIGIT_FLAG = 3;
    private static final int OUTSIDE_FLAG = 4;
    /** A character whose positions are bucketed (see {@link #isBucketed}). */
    private static final int RARE_FLAG = 5;
    /** Per ASCII character (and 128 for every other), its flags; those outside ASCII are classified one by one. */
    private static final byte[] FLAGS = new byte[129];

    static {
        for (char c = 0; c < 128; c++) {
            int flags = c >= 'a' && c <= 'z' ? 1 << LOWER_FLAG : c >= 'A' && c <= 'Z' ? 1 << UPPER_FLAG : 0;
            flags |= c >= '0' && c <= '9' ? 1 << OTHER_WORD_FLAG | 1 << DIGIT_FLAG : 0;
            flags |= isBucketed(c) ? 1 << RARE_FLAG : 0;
            FLAGS[c] = (byte) flags;
        }
        FLAGS[128] = 1 << OUTSIDE_FLAG | 1 << RARE_FLAG;
    }

    /**
     * Whether the positions of {@code c} are bucketed (see {@link #buckets}): every character but a-z, 0-9
     * and the space, which make up about four fifths of a text and which no shipped spec looks up by
     * position. A set holding one of them is found by reading the text instead.
     */
    static boolean isBucketed(char c) {
        return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    }

    /**
     * Flag {@code flag} of each of the 8 characters whose flags are the bytes of {@code flags}, as the low
     * 8 bits (the first character's lowest): the multiplication moves bit 8k to bit 56 + k.
     */
    private static long gather(long flags, int flag) {
        return ((flags >>> flag) & 0x0101010101010101L) * 0x0102040810204080L >>> 56;
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
     * A set with a character that is not bucketed is read off the text.
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
        for (char c = 0; c < 128; c++) {
            if (wanted[c] && !isBucketed(c)) {
                return scan(set, wanted, expected);
            }
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

    /**
     * The positions of the characters of {@code set} ({@code wanted}: its ASCII ones), read off the text;
     * at most {@code expected} (exact for ASCII characters; every character outside ASCII counts for those).
     */
    private int[] scan(String set, boolean[] wanted, int expected) {
        int[] out = new int[expected];
        int k = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 128 ? wanted[c] : set.indexOf(c) >= 0) {
                out[k++] = i;
            }
        }
        return k == expected ? out : Arrays.copyOf(out, k);
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
     * The positions of the bucketed characters ({@link #isBucketed}; all characters outside ASCII share
     * bucket 128) grouped by character, each bucket in text order: a counting sort of the positions the
     * first pass collected, about a fifth of the text's.
     */
    private void buckets() {
        if (bucketed != null) {
            return;
        }
        basics();
        int[] starts = new int[130];
        for (int c = 0; c <= 128; c++) {
            starts[c + 1] = starts[c] + (c == 128 || isBucketed((char) c) ? asciiCounts[c] : 0);
        }
        int[] fill = Arrays.copyOf(starts, 129);
        int[] sorted = new int[starts[129]];
        for (int i : rarePositions) {
            sorted[fill[Math.min(chars[i], 128)]++] = i;
        }
        bucketStarts = starts;
        bucketed = sorted;
        rarePositions = null;
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
     * Sorts the word starts {@link #basics} found by prefix, stably (text order within one prefix): a
     * counting sort, or for the few word starts of a short text an insertion sort, which needs no table of
     * every prefix (lists are then found by binary search over the sorted keys).
     */
    private void indexWordStarts() {
        basics();
        if (wordStartsInOrder == null) {
            pass(true, false);
        }
        int[] keyArray = wordStartKeysInOrder;
        int[] positionArray = wordStartsInOrder;
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

    /** Kinds of characters outside ASCII for word starts: not a letter or digit, lower-case, upper-case, any other letter or digit. */
    private static final int OTHER = 0;
    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int ALNUM = 3;

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

    /**
     * The lists one {@link #pass} fills, kept per thread from text to text: the pass writes into arrays
     * already in cache, then copies out what it found, instead of clearing fresh arrays sized for the
     * worst case for every text (those came to about a third of the bytes a scan allocated). Lists grown
     * past {@value #KEPT_CAPACITY} values by a huge text are not kept.
     */
    private static final class PassLists {
        final IntList bounds = new IntList(1024);
        final IntList rarePositions = new IntList(1024);
        final IntList wordStarts = new IntList(1024);
        final IntList wordStartKeys = new IntList(1024);

        /** Drops lists a huge text made huge, so that a thread does not hold their memory for good. */
        void release() {
            for (IntList list : new IntList[] {bounds, rarePositions, wordStarts, wordStartKeys}) {
                list.shrinkTo(KEPT_CAPACITY);
            }
        }
    }

    private static final int KEPT_CAPACITY = 1 << 18;
    private static final ThreadLocal<PassLists> PASS_LISTS = ThreadLocal.withInitial(PassLists::new);

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

        /**
         * The backing array, with room for {@code more} values past {@link #size()}: a caller writes them
         * there directly, then calls {@link #setSize}.
         */
        int[] room(int more) {
            if (size + more > values.length) {
                values = Arrays.copyOf(values, Math.max(size + more, size * 2));
            }
            return values;
        }

        /** Takes the values a caller wrote into the array {@link #room} gave, up to {@code newSize}. */
        void setSize(int newSize) {
            size = newSize;
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

        /** Empties the list, keeping its array. */
        IntList clear() {
            size = 0;
            return this;
        }

        /** Empties the list and, when its array holds more than {@code capacity} values, replaces it with a small one. */
        void shrinkTo(int capacity) {
            size = 0;
            if (values.length > capacity) {
                values = new int[16];
            }
        }
    }
}
