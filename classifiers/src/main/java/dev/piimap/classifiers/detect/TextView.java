package dev.piimap.classifiers.detect;

/**
 * A window {@code [start, end)} of a text that copies nothing, so an anchored match can be tried at
 * many offsets of a long text at the cost of the match alone. Immutable.
 */
final class TextView implements CharSequence {
    private final CharSequence text;
    private final int start;
    private final int end;

    TextView(CharSequence text, int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IndexOutOfBoundsException("window [" + start + ", " + end + ") of a text of " + text.length());
        }
        this.text = text;
        this.start = start;
        this.end = end;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= end - start) {
            throw new IndexOutOfBoundsException(index);
        }
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > end - start || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + (end - start));
        }
        return new TextView(text, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.subSequence(start, end).toString();
    }
}
