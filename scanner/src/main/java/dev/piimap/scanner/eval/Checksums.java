package dev.piimap.scanner.eval;

/**
 * The check-digit algorithms the generated identifiers obey. Each is the inverse of a validator: it
 * computes the digit that makes a payload valid.
 */
final class Checksums {
    /** Italian odd-position values for 0-9 and A-Z (codice fiscale and the IBAN CIN). */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    private Checksums() {
    }

    /** The Luhn check digit to append to {@code payload} (digits only). */
    static int luhn(String payload) {
        int sum = 0;
        boolean doubled = true; // the rightmost payload digit is doubled once the check digit is appended
        for (int i = payload.length() - 1; i >= 0; i--, doubled = !doubled) {
            int d = payload.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** The remainder mod 97 of digits and letters, letters counting as 10 (A) to 35 (Z), as IBANs do. */
    static int mod97(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = Character.digit(text.charAt(i), 36);
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }
        return remainder;
    }

    /** ISO 7064 MOD 11,10 check digit of a digit string (German tax ID, German VAT ID). */
    static int iso7064Mod11Mod10(String digits) {
        int product = 10;
        for (int i = 0; i < digits.length(); i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }

    /** The Italian check letter over upper-case letters and digits (codice fiscale; IBAN CIN). */
    static char italianCheckLetter(String text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[index] : index; // position 1 (index 0) is odd
        }
        return (char) ('A' + sum % 26);
    }
}
