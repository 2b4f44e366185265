package dev.piimap.classifiers.validators;

/**
 * {@code de-tax-id}: a German tax identification number (steuerliche Identifikationsnummer): eleven
 * digits, spaces ignored, not starting with 0; among the first ten exactly one digit occurs two or
 * three times and no other repeats; the last is the ISO 7064 MOD 11,10 check digit.
 */
public final class DeTaxIdValidator implements Validator {
    @Override
    public String name() {
        return "de-tax-id";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, " ");
        if (digits == null || digits.length() != 11 || digits.charAt(0) == '0') {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digits.charAt(i) - '0']++;
        }
        int repeated = 0;
        for (int count : counts) {
            if (count > 3) {
                return false;
            }
            if (count > 1) {
                repeated++;
            }
        }
        return repeated == 1 && Checksums.iso7064Mod11Of10(digits);
    }
}
