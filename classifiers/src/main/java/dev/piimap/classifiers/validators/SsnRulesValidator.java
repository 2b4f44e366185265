package dev.piimap.classifiers.validators;

import java.util.Set;

/**
 * {@code ssn-rules}: a US social security number the SSA could have issued. Nine digits, written
 * plain or in 3-2-4 groups separated by dashes or spaces; the area is not 000, 666 or 900-999, the
 * group is not 00, the serial is not 0000, not all nine digits are the same, and the number is not a
 * known fake (advertising and documentation numbers such as 078-05-1120 and 123-45-6789).
 */
public final class SsnRulesValidator implements Validator {
    /** Numbers published in advertising, wallets and documentation; widely used as test values. */
    static final Set<String> KNOWN_FAKES = Set.of(
            "123456789", "078051120", "219099999", "457555462", "987654320", "987654321");

    @Override
    public String name() {
        return "ssn-rules";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, " -");
        if (digits == null || digits.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
                && !Digits.allSame(digits) && !KNOWN_FAKES.contains(digits);
    }
}
