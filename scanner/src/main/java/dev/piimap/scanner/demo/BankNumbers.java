package dev.piimap.scanner.demo;

import java.util.Locale;
import java.util.Random;

/**
 * Synthetic but checksum-valid bank numbers for the demo: IBANs (ISO 13616 mod-97 check digits, and a
 * valid RIB key for France) and card numbers (Luhn check digit, Visa/Mastercard/Amex prefixes).
 */
final class BankNumbers {
    private static final String[] GB_BANKS = {"NWBK", "BARC", "LOYD", "HBUK", "MIDL"};
    private static final String[] NL_BANKS = {"ABNA", "INGB", "RABO", "TRIO"};

    private BankNumbers() {
    }

    /** A compact IBAN (no spaces) for {@code country} (GB, DE, FR or NL). */
    static String iban(String country, Random random) {
        String bban = switch (country) {
            case "GB" -> GB_BANKS[random.nextInt(GB_BANKS.length)] + digits(random, 6) + digits(random, 8);
            case "DE" -> digits(random, 8) + digits(random, 10);
            case "NL" -> NL_BANKS[random.nextInt(NL_BANKS.length)] + digits(random, 10);
            case "FR" -> {
                String bank = digits(random, 5);
                String branch = digits(random, 5);
                String account = digits(random, 11);
                long key = 97 - (89 * Long.parseLong(bank) + 15 * Long.parseLong(branch) + 3 * Long.parseLong(account)) % 97;
                yield bank + branch + account + String.format(Locale.ROOT, "%02d", key);
            }
            default -> throw new IllegalArgumentException("no IBAN format for country " + country);
        };
        int check = 98 - mod97(bban + country + "00");
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    /** An IBAN as people write it: in groups of four, or compact. */
    static String display(String iban, boolean grouped) {
        return grouped ? iban.replaceAll("(.{4})(?!$)", "$1 ") : iban;
    }

    /** A Luhn-valid card number, digits only: Visa (16), Mastercard (16) or Amex (15). */
    static String card(Random random) {
        String payload = switch (random.nextInt(3)) {
            case 0 -> "4" + digits(random, 14);
            case 1 -> "5" + (1 + random.nextInt(5)) + digits(random, 13);
            default -> "3" + (random.nextBoolean() ? "4" : "7") + digits(random, 12);
        };
        return payload + luhnCheckDigit(payload);
    }

    /** A card number with the separators people type: spaces, dashes or none (Amex grouped 4-6-5). */
    static String displayCard(String digits, Random random) {
        String separator = new String[] {" ", "-", ""}[random.nextInt(3)];
        if (digits.length() == 15) {
            return digits.substring(0, 4) + separator + digits.substring(4, 10) + separator + digits.substring(10);
        }
        return digits.substring(0, 4) + separator + digits.substring(4, 8) + separator + digits.substring(8, 12)
                + separator + digits.substring(12);
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        for (int i = payload.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
            int d = payload.charAt(i) - '0';
            if (doubled == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** The remainder mod 97 of a string of digits and letters, letters counting as 10 (A) to 35 (Z). */
    static int mod97(String text) {
        int remainder = 0;
        for (char c : text.toCharArray()) {
            int value = Character.getNumericValue(c);
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }
        return remainder;
    }

    private static String digits(Random random, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
