package dev.piimap.classifiers.validators;

/**
 * {@code aba-checksum}: a US ABA routing transit number: nine digits whose first two are a Federal
 * Reserve routing symbol (01-12, thrift 21-32, electronic 61-72, traveler's cheques 80) and whose
 * weighted sum 3-7-1 is a multiple of 10.
 */
public final class AbaChecksumValidator implements Validator {
    @Override
    public String name() {
        return "aba-checksum";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String digits = Digits.digitsSeparatedBy(candidate, "");
        if (digits == null || digits.length() != 9 || Digits.allSame(digits)) {
            return false;
        }
        int prefix = Integer.parseInt(digits.substring(0, 2));
        boolean knownPrefix = (prefix >= 1 && prefix <= 12) || (prefix >= 21 && prefix <= 32)
                || (prefix >= 61 && prefix <= 72) || prefix == 80;
        return knownPrefix && Checksums.weighted(digits, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
    }
}
