package dev.piimap.classifiers.validators;

/**
 * {@code es-dni}: a Spanish DNI (eight digits and a check letter) or NIE (X, Y or Z, seven digits and
 * a check letter; X, Y, Z count as 0, 1, 2), spaces and dashes ignored. The letter is
 * {@code TRWAGMYFPDXBNJZSQVHLCKE} at the number modulo 23. All-zero numbers fail.
 */
public final class EsDniValidator implements Validator {
    static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    @Override
    public String name() {
        return "es-dni";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = Checksums.compact(candidate, " -");
        if (s.length() != 9) {
            return false;
        }
        int lead = "XYZ".indexOf(s.charAt(0));
        String digits = lead >= 0 ? lead + s.substring(1, 8) : s.substring(0, 8);
        return Checksums.allDigits(digits) && !Digits.allSame(digits.substring(1)) && hasCheckLetter(digits, s.charAt(8));
    }

    /** Whether {@code letter} is the DNI check letter of {@code digits}. */
    static boolean hasCheckLetter(String digits, char letter) {
        return LETTERS.charAt((int) (Long.parseLong(digits) % 23)) == letter;
    }
}
