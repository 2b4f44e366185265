package dev.piimap.classifiers.validators;

/**
 * {@code luhn}: the mod-10 check digit of payment card numbers. Spaces and dashes are ignored; any
 * other character, fewer than 12 digits, or all-zero digits fail.
 */
public final class LuhnValidator implements Validator {
    static final int MIN_DIGITS = 12;

    @Override
    public String name() {
        return "luhn";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, " -");
        return digits != null && digits.length() >= MIN_DIGITS && !Digits.allSame(digits) && passesLuhn(digits);
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
