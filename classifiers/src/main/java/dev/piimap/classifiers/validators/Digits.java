package dev.piimap.classifiers.validators;

/** Character helpers shared by the validators. */
final class Digits {
    private Digits() {
    }

    /**
     * The ASCII digits of {@code text}, or null when it holds anything other than digits and the
     * given separator characters.
     */
    static String digitsSeparatedBy(CharSequence text, String separators) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (separators.indexOf(c) < 0) {
                return null;
            }
        }
        return digits.toString();
    }

    static boolean allSame(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
