package dev.piimap.classifiers.validators;

/**
 * {@code itin-rules}: a US individual taxpayer identification number the IRS issues: nine digits,
 * plain or in 3-2-4 groups (dashes or spaces), starting with 9, the middle group in 50-65, 70-88,
 * 90-92 or 94-99, and a serial other than 0000.
 */
public final class ItinRulesValidator implements Validator {
    @Override
    public String name() {
        return "itin-rules";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, " -");
        if (digits == null || digits.length() != 9 || digits.charAt(0) != '9'
                || !Checksums.oneKindOfSeparator(candidate, " -")) {
            return false;
        }
        int group = Integer.parseInt(digits.substring(3, 5));
        boolean issuedGroup = (group >= 50 && group <= 65) || (group >= 70 && group <= 88)
                || (group >= 90 && group <= 92) || group >= 94;
        return issuedGroup && !digits.endsWith("0000");
    }
}
