package dev.piimap.classifiers.validators;

/**
 * {@code it-fiscal-code}: an Italian codice fiscale of a person: six letters (surname, name), birth
 * year, month letter, day (41-71 for women), place code and the check letter. Digits of the year, day
 * and place may be replaced by the omocodia letters L-V. The check letter is the sum of the odd-position
 * values (a fixed table) and the even-position values (0-25), modulo 26.
 */
public final class ItFiscalCodeValidator implements Validator {
    /** Values of 0-9 then A-Z at odd (1st, 3rd, ...) positions. */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    private static final String OMOCODIA = "LMNPQRSTUV";
    private static final String MONTHS = "ABCDEHLMPRST";

    @Override
    public String name() {
        return "it-fiscal-code";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = Checksums.compact(candidate, "");
        if (s.length() != 16) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int index = Character.digit(s.charAt(i), 36);
            if (index < 0 || s.charAt(i) > 'Z') {
                return false;
            }
            sum += i % 2 == 0 ? ODD[index] : (index < 10 ? index : index - 10);
        }
        if (s.charAt(15) != (char) ('A' + sum % 26) || MONTHS.indexOf(s.charAt(8)) < 0) {
            return false;
        }
        int day = digit(s.charAt(9)) * 10 + digit(s.charAt(10));
        return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
    }

    private static int digit(char c) {
        int omocodia = OMOCODIA.indexOf(c);
        return omocodia >= 0 ? omocodia : c - '0';
    }
}
