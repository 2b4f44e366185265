package dev.piimap.classifiers.validators;

import java.util.Locale;
import java.util.Map;

/**
 * {@code iban-mod97}: an IBAN per ISO 13616. Spaces are ignored; the country code must be one in the
 * SWIFT IBAN registry, the length must be that country's, the check digits must not be 00, 01 or 99,
 * and the ISO 7064 mod-97 remainder must be 1.
 */
public final class IbanMod97Validator implements Validator {
    /** IBAN length per country (SWIFT IBAN registry). */
    static final Map<String, Integer> LENGTH_BY_COUNTRY = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22),
            Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24),
            Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20), Map.entry("MR", 27),
            Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24),
            Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    @Override
    public String name() {
        return "iban-mod97";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String iban = compact(candidate);
        if (iban == null || iban.length() < 15) {
            return false;
        }
        Integer expectedLength = LENGTH_BY_COUNTRY.get(iban.substring(0, 2));
        if (expectedLength == null || expectedLength != iban.length()) {
            return false;
        }
        if (!Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
            return false;
        }
        String checkDigits = iban.substring(2, 4);
        if (checkDigits.equals("00") || checkDigits.equals("01") || checkDigits.equals("99")) {
            return false;
        }
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** The upper-cased letters and digits of an IBAN written with spaces, or null on any other character. */
    static String compact(CharSequence candidate) {
        StringBuilder out = new StringBuilder(candidate.length());
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                out.append(c);
            } else if (c != ' ') {
                return null;
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** ISO 7064 MOD 97-10 over letters-as-numbers (A=10 ... Z=35), computed digit by digit. */
    private static int mod97(String rearranged) {
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
