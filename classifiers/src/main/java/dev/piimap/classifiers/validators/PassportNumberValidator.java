package dev.piimap.classifiers.validators;

/**
 * {@code passport-number}: a passport number as most countries issue them: 6-9 upper-case letters and
 * digits holding at least one digit, not one repeated character and not a run of consecutive digits
 * ({@code 123456789}). The pattern, not this check, demands the passport context.
 */
public final class PassportNumberValidator implements Validator {
    @Override
    public String name() {
        return "passport-number";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        if (s.length() < 6 || s.length() > 9) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return digit && !Digits.allSame(s) && !isDigitRun(s);
    }

    private static boolean isDigitRun(String s) {
        if (!Checksums.allDigits(s)) {
            return false;
        }
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            up &= step == 1;
            down &= step == -1;
        }
        return up || down;
    }
}
