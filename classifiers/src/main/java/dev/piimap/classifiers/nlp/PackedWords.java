package dev.piimap.classifiers.nlp;

import java.util.Map;

/**
 * A table from short ASCII words to byte values, looked up straight from the text: a word of up to
 * {@value #MAX_LETTERS} letters a-z (in any case) packs into a {@code long}, five bits per letter, so
 * the hot loops that ask about every word need not copy and lower-case it into a String first. Words
 * that do not pack (longer, or with any other character) are for the caller's String path. Open
 * addressing with linear probing; immutable and thread-safe.
 */
final class PackedWords {
    static final int MAX_LETTERS = 12;
    /** What {@link #key} returns for a word that does not pack. */
    static final long UNPACKABLE = -1;

    private final long[] keys;
    private final byte[] values;
    private final int mask;

    /** A table of the words of {@code values} that pack (others are left out: callers look those up their own way). */
    PackedWords(Map<String, Byte> values) {
        // A power of two at least twice the size: the table is at most half full.
        int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.values = new byte[capacity];
        this.mask = capacity - 1;
        values.forEach((word, value) -> {
            long key = key(word, 0, word.length());
            if (key != UNPACKABLE) {
                int slot = slot(key);
                while (keys[slot] != 0 && keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                this.values[slot] = value;
            }
        });
    }

    /**
     * The key of {@code text[start, end)} lower-cased, or {@link #UNPACKABLE} when it is empty, longer
     * than {@value #MAX_LETTERS} or holds a character other than an ASCII letter. Never 0.
     */
    static long key(CharSequence text, int start, int end) {
        if (end <= start || end - start > MAX_LETTERS) {
            return UNPACKABLE;
        }
        long key = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int lower = c | 0x20;
            if (c >= 128 || lower < 'a' || lower > 'z') {
                return UNPACKABLE;
            }
            key = key << 5 | (lower - 'a' + 1);
        }
        return key;
    }

    /** The value of the word with this key (from {@link #key}, not {@link #UNPACKABLE}), or {@code missing}. */
    byte get(long key, byte missing) {
        int slot = slot(key);
        long k;
        while ((k = keys[slot]) != 0) {
            if (k == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return missing;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
