package dev.piimap.scanner.demo;

import java.util.Locale;
import java.util.Random;

/**
 * Synthetic identifiers that pass their checksums (Luhn cards, mod-97 IBANs, SSNs in issued ranges),
 * for demo estates and tests. Card numbers use test-card prefixes; nothing here is a real identifier.
 */
public final class SyntheticIds {
    private SyntheticIds() {
    }

    /** A Luhn-valid card number (Visa, Mastercard or Amex test-like prefixes), digits only. */
    public static String card(Random random) {
        return BankNumbers.card(random);
    }

    /** Groups a card number in fours: {@code 4111 1111 1111 1111}. */
    public static String formatCard(String digits) {
        return digits.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** A mod-97-valid IBAN for DE, GB, FR or NL, without spaces. */
    public static String iban(Random random, String country) {
        return BankNumbers.iban(country, random);
    }

    /** Groups an IBAN in fours: {@code DE89 3704 0044 0532 0130 00}. */
    public static String formatIban(String iban) {
        return BankNumbers.display(iban, true);
    }

    /** An SSN in an issued-looking range ({@code 123-45-6789} form), never area 000, 666 or 9xx. */
    public static String ssn(Random random) {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    /** A public-looking IPv4 address (no 10/8, 127/8, 192.168/16 ambiguity needed for demos). */
    public static String ipv4(Random random) {
        return (11 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A global-unicast IPv6 address in documentation-like form. */
    public static String ipv6(Random random) {
        return String.format(Locale.ROOT, "2001:db8:%x:%x::%x", random.nextInt(0xffff), random.nextInt(0xffff), 1 + random.nextInt(0xfff));
    }
}
