package dev.piimap.classifiers.validators;

/**
 * {@code nhs-mod11}: a UK NHS number: ten digits, plain or in 3-3-4 groups separated by one kind of
 * separator (space or dash), whose last digit is the modulus 11 check digit of the first nine (weights
 * 10 down to 2; a remainder giving check digit 10 is never issued). Ten equal digits fail.
 */
public final class NhsMod11Validator implements Validator {
    @Override
    public String name() {
        return "nhs-mod11";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, " -");
        if (digits == null || digits.length() != 10 || Digits.allSame(digits)
                || !Checksums.oneKindOfSeparator(candidate, " -")) {
            return false;
        }
        int check = 11 - Checksums.weighted(digits, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
