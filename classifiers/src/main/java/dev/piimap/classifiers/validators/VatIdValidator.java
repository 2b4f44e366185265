package dev.piimap.classifiers.validators;

/**
 * {@code vat-id}: a European VAT identification number with its country prefix; spaces, dots and
 * dashes are ignored. Checked per country (the national check-digit schemes):
 * <ul>
 *   <li>DE: 9 digits, ISO 7064 MOD 11,10; AT: U + 8 digits, Luhn variant;</li>
 *   <li>FR: 2-character key + 9-digit SIREN (Luhn, except Monaco's 000...); a numeric key must be
 *       (SIREN x 100 + 12) mod 97, a key with letters (I and O excluded) is accepted by format;</li>
 *   <li>IT: 11 digits, Luhn; BE: 10 digits starting 0 or 1, 97 - (first 8 mod 97) = last 2;</li>
 *   <li>NL: 9 digits + B + 2 digits: the BSN/RSIN 11-test, or mod 97 of the whole id (2020 scheme);</li>
 *   <li>ES: DNI/NIE check letter for persons, CIF check digit or letter for companies;</li>
 *   <li>IE: 7 digits + check letter (+ optional letter), or the old style digit-letter-5 digits-letter;</li>
 *   <li>PL: 10 digits, weights 6 5 7 2 3 4 5 6 7 mod 11; SE: 10 digits passing Luhn + 01;</li>
 *   <li>GB/XI: 9 or 12 digits, weights 8..2 10 1 mod 97 in {0, 42, 55}; GD/HA + 3 digits;</li>
 *   <li>DK: 8 digits, weights 2 7 6 5 4 3 2 1 mod 11; FI: 8 digits, mod 11; PT: 9 digits, mod 11;
 *       LU: 8 digits, first 6 mod 89 = last 2.</li>
 * </ul>
 * Other countries fail. All-zero numbers fail.
 */
public final class VatIdValidator implements Validator {
    private static final String FR_KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    @Override
    public String name() {
        return "vat-id";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = Checksums.compact(candidate, " .-");
        if (s.length() < 7 || s.length() > 16) {
            return false;
        }
        String country = s.substring(0, 2);
        String n = s.substring(2);
        if (Checksums.allDigits(n) && Digits.allSame(n)) {
            return false;
        }
        return switch (country) {
            case "DE" -> n.length() == 9 && Checksums.allDigits(n) && n.charAt(0) != '0' && Checksums.iso7064Mod11Of10(n);
            case "AT" -> n.length() == 9 && n.charAt(0) == 'U' && Checksums.allDigits(n.substring(1))
                    && (6 - Checksums.luhnSum(n.substring(1, 8)) + 10) % 10 == n.charAt(8) - '0';
            case "FR" -> france(n);
            case "IT" -> n.length() == 11 && Checksums.allDigits(n) && Checksums.luhnSum(n) == 0;
            case "BE" -> n.length() == 10 && Checksums.allDigits(n) && n.charAt(0) <= '1'
                    && 97 - Checksums.mod97(n.substring(0, 8)) == Integer.parseInt(n.substring(8));
            case "NL" -> netherlands(n);
            case "ES" -> spain(n);
            case "IE" -> ireland(n);
            case "PL" -> n.length() == 10 && Checksums.allDigits(n)
                    && Checksums.weighted(n, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == n.charAt(9) - '0';
            case "SE" -> n.length() == 12 && Checksums.allDigits(n) && n.endsWith("01")
                    && Checksums.luhnSum(n.substring(0, 10)) == 0;
            case "GB", "XI" -> britain(n);
            case "DK" -> n.length() == 8 && Checksums.allDigits(n) && n.charAt(0) != '0'
                    && Checksums.weighted(n, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
            case "FI" -> n.length() == 8 && Checksums.allDigits(n)
                    && mod11CheckDigit(Checksums.weighted(n, 7, 9, 10, 5, 8, 4, 2)) == n.charAt(7) - '0';
            case "PT" -> n.length() == 9 && Checksums.allDigits(n) && n.charAt(0) != '0'
                    && mod11CheckDigit(Checksums.weighted(n, 9, 8, 7, 6, 5, 4, 3, 2)) % 10 == n.charAt(8) - '0';
            case "LU" -> n.length() == 8 && Checksums.allDigits(n)
                    && Integer.parseInt(n.substring(0, 6)) % 89 == Integer.parseInt(n.substring(6));
            default -> false;
        };
    }

    /** 11 - sum mod 11, with 11 read as 0 (10 stays 10: no valid digit). */
    private static int mod11CheckDigit(int sum) {
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private static boolean france(String n) {
        if (n.length() != 11 || !Checksums.allDigits(n.substring(2))
                || FR_KEY_ALPHABET.indexOf(n.charAt(0)) < 0 || FR_KEY_ALPHABET.indexOf(n.charAt(1)) < 0) {
            return false;
        }
        String siren = n.substring(2);
        if (!siren.startsWith("000") && Checksums.luhnSum(siren) != 0) {
            return false;
        }
        if (Checksums.allDigits(n.substring(0, 2))) {
            return Integer.parseInt(n.substring(0, 2)) == Checksums.mod97(siren + "12");
        }
        return true;
    }

    private static boolean netherlands(String n) {
        if (n.length() != 12 || n.charAt(9) != 'B' || !Checksums.allDigits(n.substring(0, 9))
                || !Checksums.allDigits(n.substring(10)) || n.endsWith("00")) {
            return false;
        }
        boolean elevenTest = (Checksums.weighted(n, 9, 8, 7, 6, 5, 4, 3, 2) - (n.charAt(8) - '0')) % 11 == 0;
        // The 2020 scheme: "NL" + id with letters as numbers (N=23, L=21, B=11), mod 97 = 1.
        boolean mod97 = Checksums.mod97("2321" + n.substring(0, 9) + "11" + n.substring(10)) == 1;
        return elevenTest || mod97;
    }

    private static boolean spain(String n) {
        if (n.length() != 9 || !Checksums.allDigits(n.substring(1, 8))) {
            return false;
        }
        char first = n.charAt(0);
        char last = n.charAt(8);
        if (Character.isDigit(first) || "XYZ".indexOf(first) >= 0) {
            return new EsDniValidator().isValid(n);
        }
        if ("KLM".indexOf(first) >= 0) {
            return EsDniValidator.hasCheckLetter(n.substring(1, 8), last);
        }
        if ("ABCDEFGHJNPQRSUVW".indexOf(first) < 0) {
            return false;
        }
        int check = (10 - Checksums.luhnSum(n.substring(1, 8) + "0")) % 10;
        return last == (char) ('0' + check) || last == "JABCDEFGHI".charAt(check);
    }

    private static boolean ireland(String n) {
        if (n.length() < 8 || n.length() > 9 || !Character.isDigit(n.charAt(0)) || !Checksums.allDigits(n.substring(2, 7))) {
            return false;
        }
        String digits;
        if (Checksums.allDigits(n.substring(0, 7))) {
            digits = n.substring(0, 7);
        } else if (n.length() == 8 && "ABCDEFGHIJKLMNOPQRSTUVWXYZ+*".indexOf(n.charAt(1)) >= 0) {
            digits = "0" + n.substring(2, 7) + n.charAt(0);
        } else {
            return false;
        }
        int sum = Checksums.weighted(digits, 8, 7, 6, 5, 4, 3, 2);
        if (n.length() == 9) {
            char extra = n.charAt(8);
            if ("ABCDEFGHIW".indexOf(extra) < 0) {
                return false;
            }
            sum += 9 * (extra == 'W' ? 0 : extra - 'A' + 1);
        }
        return n.charAt(7) == "WABCDEFGHIJKLMNOPQRSTUV".charAt(sum % 23);
    }

    private static boolean britain(String n) {
        if (n.length() == 5 && (n.startsWith("GD") || n.startsWith("HA")) && Checksums.allDigits(n.substring(2))) {
            int number = Integer.parseInt(n.substring(2));
            return n.startsWith("GD") ? number < 500 : number >= 500;
        }
        if ((n.length() != 9 && n.length() != 12) || !Checksums.allDigits(n)) {
            return false;
        }
        int sum = Checksums.weighted(n, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
        return Integer.parseInt(n.substring(0, 3)) >= 100 ? sum == 0 || sum == 42 || sum == 55 : sum == 0;
    }
}
