package dev.piimap.classifiers.detect;

/**
 * Tells whether a match is one piece of a longer code written in space-separated groups: an IBAN
 * ({@code DE40 2386 2595 0962 2524 94}), a card or a parcel tracking number
 * ({@code 9400 8031 9980 0915 6913 73}). A phone number pattern finds valid-looking numbers inside
 * such runs ({@code 0962 2524 94}); when the run's own check fails no IBAN or card finding claims the
 * digits, so only this rule keeps them from being reported as a phone number.
 *
 * <p>The match continues a run when, across one space before it, there is a group of 2 to
 * {@value #MAX_GROUP} upper-case letters and digits holding a digit ({@code AT14}, {@code 9400},
 * {@code A139}), or a 4-letter bank code after an IBAN head ({@code GB30 HBUK}); or when one space
 * after it comes a group of 3 or 4 digits that ends there ({@code ... 9666 5464}). A label, a word in
 * lower case or a punctuation mark before it ends the run: {@code Tel 0151 ...}, {@code TEL: 0151}.
 * Looks at a few characters around the match only; stateless.
 */
final class CodeGroups {
    /** The longest group looked at before a match. */
    static final int MAX_GROUP = 6;

    private CodeGroups() {
    }

    /** Whether {@code text[start, end)} continues a run of space-separated code groups (see the class comment). */
    static boolean continuesRun(char[] text, int start, int end) {
        return groupBefore(text, start) || groupAfter(text, end);
    }

    private static boolean groupBefore(char[] text, int start) {
        int groupEnd = start - 1;
        if (groupEnd < 1 || text[groupEnd] != ' ') {
            return false;
        }
        int groupStart = codeGroupStart(text, groupEnd);
        if (groupStart < 0) {
            return false;
        }
        int length = groupEnd - groupStart;
        if (length >= 2 && hasDigit(text, groupStart, groupEnd)) {
            return true;
        }
        // A bank code of four letters (GB30 HBUK ...): the IBAN head, two letters and two digits, before it.
        if (length != 4 || groupStart < 5 || text[groupStart - 1] != ' ') {
            return false;
        }
        int headStart = codeGroupStart(text, groupStart - 1);
        return headStart == groupStart - 5 && isUpper(text[headStart]) && isUpper(text[headStart + 1])
                && isDigit(text[headStart + 2]) && isDigit(text[headStart + 3]);
    }

    /**
     * The start of the group of upper-case letters and digits that ends at {@code end}, or -1 when
     * there is none, it is longer than {@value #MAX_GROUP}, or a letter or digit of another kind
     * (lower case, non-ASCII) touches it.
     */
    private static int codeGroupStart(char[] text, int end) {
        int i = end;
        while (i > 0 && end - i < MAX_GROUP + 1 && isCodeChar(text[i - 1])) {
            i--;
        }
        if (i == end || end - i > MAX_GROUP || (i > 0 && Character.isLetterOrDigit(text[i - 1]))) {
            return -1;
        }
        return i;
    }

    private static boolean groupAfter(char[] text, int end) {
        if (end + 1 >= text.length || text[end] != ' ') {
            return false;
        }
        int i = end + 1;
        while (i < text.length && isDigit(text[i])) {
            i++;
        }
        int length = i - end - 1;
        return (length == 3 || length == 4) && (i == text.length || !Character.isLetterOrDigit(text[i]));
    }

    private static boolean hasDigit(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDigit(text[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCodeChar(char c) {
        return isDigit(c) || isUpper(c);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
