package dev.piimap.classifiers.validators;

/** Check-digit schemes shared by the national-identifier validators. Inputs are ASCII digit strings. */
final class Checksums {
    private Checksums() {
    }

    /** ISO 7064 MOD 11,10: whether the last digit of {@code digits} is the check digit of the others. */
    static boolean iso7064Mod11Of10(String digits) {
        int product = 10;
        for (int i = 0; i < digits.length() - 1; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == digits.charAt(digits.length() - 1) - '0';
    }

    /**
     * The Luhn sum of {@code digits} modulo 10: from the right, digits at even offsets as they are and
     * digits at odd offsets doubled (digit sum). A number with a valid Luhn check digit gives 0.
     */
    static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d : (d * 2 > 9 ? d * 2 - 9 : d * 2);
        }
        return sum % 10;
    }

    /** The remainder of a decimal number of any length, divided by 97. */
    static int mod97(String digits) {
        int remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            remainder = (remainder * 10 + digits.charAt(i) - '0') % 97;
        }
        return remainder;
    }

    /** The weighted sum of the leading digits, {@code digits[i] * weights[i]}. */
    static int weighted(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    static boolean allDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code text} without the given separator characters, upper-cased (ASCII). */
    static String compact(CharSequence text, String separators) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (separators.indexOf(c) < 0) {
                out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
        }
        return out.toString();
    }

    /** Whether every separator in {@code text} (characters from {@code separators}) is the same one. */
    static boolean oneKindOfSeparator(CharSequence text, String separators) {
        char seen = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (separators.indexOf(c) >= 0) {
                if (seen != 0 && c != seen) {
                    return false;
                }
                seen = c;
            }
        }
        return true;
    }
}
