package dev.piimap.scanner.source.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Identifiers that databases store as numbers: a column (or JSON key) named like an SSN, a tax id or a
 * phone number holding integers is classified from the number's digits, written out in full (never
 * {@code 4.155550123E9} or {@code 123456789.00}). Integers lose leading zeros, so a number in a column
 * named like an SSN is padded back to nine digits ({@code 12345678} -> {@code 012345678}).
 */
enum NumericIdentifiers {
    NONE(0),
    US_SSN(9),
    TAX_ID(0),
    PHONE(0);

    private static final Set<String> SSN_WORDS = Set.of("ssn", "ssns");
    private static final Set<String> TAX_WORDS = Set.of("tin", "itin", "ein", "taxid", "taxno", "taxnumber");
    private static final Set<String> PHONE_WORDS = Set.of("phone", "tel", "telephone", "mobile", "cell", "fax", "msisdn");

    private final int padTo;

    NumericIdentifiers(int padTo) {
        this.padTo = padTo;
    }

    /** What a column or key name says about the numbers it holds. */
    static NumericIdentifiers of(String name) {
        if (name == null) {
            return NONE;
        }
        List<String> words = words(name);
        String joined = String.join("", words);
        if (words.stream().anyMatch(SSN_WORDS::contains) || joined.contains("socialsecurity")) {
            return US_SSN;
        }
        if (words.stream().anyMatch(TAX_WORDS::contains) || joined.contains("taxid") || joined.contains("taxpayer")) {
            return TAX_ID;
        }
        if (words.stream().anyMatch(PHONE_WORDS::contains) || joined.contains("phone")) {
            return PHONE;
        }
        return NONE;
    }

    /** The text classified for one number; {@code padded} when leading zeros were put back. */
    record Digits(String text, boolean padded) {
    }

    /**
     * The digits of a whole, non-negative number, padded for SSNs; null for anything else (fractions,
     * negative numbers), which no identifier is.
     */
    Digits digits(BigDecimal number) {
        if (number == null || number.signum() < 0) {
            return null;
        }
        BigDecimal whole = number.stripTrailingZeros();
        if (whole.scale() > 0) {
            return null;
        }
        String digits = whole.toBigIntegerExact().toString();
        return digits.length() < padTo ? new Digits("0".repeat(padTo - digits.length()) + digits, true)
                : new Digits(digits, false);
    }

    /** Lower-case words of a name, split at separators and camel-case humps ({@code customerSSN} -> customer, ssn). */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(word, words);
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
