package dev.piimap.classifiers.validators;

import java.util.List;

/**
 * {@code card-iin}: the number starts with an issuer prefix (IIN) of a known card scheme and has a
 * length that scheme issues. Rejects order numbers and identifiers that merely pass Luhn.
 */
public final class CardIinValidator implements Validator {
    /** Issuer prefixes {@code from}-{@code to} (all of the same digit count) and the card lengths issued under them. */
    private record IinRange(String scheme, int from, int to, int minLength, int maxLength) {
        boolean matches(String digits) {
            int prefixLength = String.valueOf(from).length();
            if (digits.length() < minLength || digits.length() > maxLength || digits.length() < prefixLength) {
                return false;
            }
            int prefix = Integer.parseInt(digits.substring(0, prefixLength));
            return prefix >= from && prefix <= to;
        }
    }

    private static final List<IinRange> RANGES = List.of(
            new IinRange("mastercard", 51, 55, 16, 16),
            new IinRange("mastercard", 2221, 2720, 16, 16),
            new IinRange("amex", 34, 34, 15, 15),
            new IinRange("amex", 37, 37, 15, 15),
            new IinRange("discover", 6011, 6011, 16, 19),
            new IinRange("discover", 644, 649, 16, 19),
            new IinRange("discover", 65, 65, 16, 19),
            new IinRange("diners", 300, 305, 14, 19),
            new IinRange("diners", 36, 36, 14, 19),
            new IinRange("diners", 38, 39, 14, 19),
            new IinRange("jcb", 3528, 3589, 16, 19),
            new IinRange("unionpay", 62, 62, 16, 19),
            new IinRange("maestro", 50, 50, 12, 19),
            new IinRange("maestro", 56, 58, 12, 19),
            new IinRange("maestro", 63, 63, 12, 19),
            new IinRange("maestro", 67, 67, 12, 19),
            new IinRange("mir", 2200, 2204, 16, 19));

    @Override
    public String name() {
        return "card-iin";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, " -");
        if (digits == null || digits.isEmpty()) {
            return false;
        }
        if (digits.charAt(0) == '4') {
            // Visa issues 13, 16 and 19 digits only: not a contiguous length range.
            int n = digits.length();
            return n == 13 || n == 16 || n == 19;
        }
        for (IinRange range : RANGES) {
            if (range.matches(digits)) {
                return true;
            }
        }
        return false;
    }
}
