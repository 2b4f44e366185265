package dev.piimap.classifiers.detect;

import java.util.Arrays;

/**
 * The prefilter of a {@link DetectorSpec}: one linear pass over the text that yields the regions
 * (maximal runs of alphabet characters holding the required characters and enough digits) worth
 * running the spec's patterns on. Most of a typical text is rejected here at a few nanoseconds per
 * character, which is what makes detection fast. Immutable and thread-safe.
 */
final class CharRegions {
    private static final int[] NONE = new int[0];

    private final boolean[] ascii = new boolean[128];
    private final boolean anyLetter;
    private final boolean wholeText;
    private final String anyOf;
    private final int minDigits;
    private final int maxDigitRun;
    private final int minLength;

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
    }

    private boolean inAlphabet(char c) {
        return c < 128 ? ascii[c] : anyLetter && Character.isLetterOrDigit(c);
    }

    /** Region bounds as {@code [start0, end0, start1, end1, ...]}, ends exclusive, in text order. */
    int[] find(CharSequence text) {
        int length = text.length();
        if (wholeText) {
            return qualifies(text, 0, length) ? new int[] {0, length} : NONE;
        }
        int[] out = NONE;
        int count = 0;
        int i = 0;
        while (i < length) {
            while (i < length && !inAlphabet(text.charAt(i))) {
                i++;
            }
            int start = i;
            int end = -1;
            int digits = 0;
            int run = 0;
            boolean required = anyOf.isEmpty();
            while (i < length) {
                char c = text.charAt(i);
                if (!inAlphabet(c)) {
                    break;
                }
                if (c >= '0' && c <= '9') {
                    digits++;
                    if (++run > maxDigitRun) {
                        end = i - run + 1;
                        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                            i++;
                        }
                        break;
                    }
                } else {
                    run = 0;
                    if (!required && anyOf.indexOf(c) >= 0) {
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
                if (count + 2 > out.length) {
                    out = Arrays.copyOf(out, Math.max(8, out.length * 2));
                }
                out[count++] = start;
                out[count++] = end;
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    private boolean qualifies(CharSequence text, int from, int to) {
        if (to - from < minLength) {
            return false;
        }
        int digits = 0;
        boolean required = anyOf.isEmpty();
        for (int i = from; i < to && !(required && digits >= minDigits); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!required && anyOf.indexOf(c) >= 0) {
                required = true;
            }
        }
        return required && digits >= minDigits;
    }
}
