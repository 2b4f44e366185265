package dev.piimap.scanner.eval;

import java.util.Locale;
import java.util.Random;

/**
 * Values that look like personal data and are not: identifiers with a wrong check digit or an
 * impossible range, and the everyday numbers that share their shapes (tracking, order and invoice
 * numbers, barcodes, UUIDs, hashes, versions, timestamps). Digit runs of card length never pass Luhn.
 */
final class NearMisses {
    private NearMisses() {
    }

    /** A card-shaped number whose Luhn check digit is wrong. */
    static String cardFailingLuhn(Random r) {
        String pan = ValidIds.card(r);
        int last = pan.charAt(pan.length() - 1) - '0';
        return ValidIds.formatCard(pan.substring(0, pan.length() - 1) + (last + 1 + r.nextInt(9)) % 10, r);
    }

    /** An IBAN with check digits that fail mod 97, grouped in fours. */
    static String ibanWithBadCheckDigits(Random r) {
        String iban = ValidIds.iban(r);
        int good = Integer.parseInt(iban.substring(2, 4));
        int bad;
        do {
            bad = 2 + r.nextInt(97);
        } while (bad == good);
        return (iban.substring(0, 2) + String.format(Locale.ROOT, "%02d", bad) + iban.substring(4)).replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** An SSN never issued: area 000, 666 or 9xx (not an ITIN group), group 00, or serial 0000. */
    static String invalidSsn(Random r) {
        int area = 1 + r.nextInt(665);
        int group = 1 + r.nextInt(99);
        int serial = 1 + r.nextInt(9999);
        switch (r.nextInt(5)) {
            case 0 -> area = 0;
            case 1 -> area = 666;
            case 2 -> {
                area = 900 + r.nextInt(100);
                group = 1 + r.nextInt(49);
            }
            case 3 -> group = 0;
            default -> serial = 0;
        }
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, group, serial);
    }

    /** An NHS-number-shaped value whose mod 11 check fails. */
    static String nhsNumberWithBadCheck(Random r) {
        String good = ValidIds.nhsNumber(r).replace(" ", "");
        int last = good.charAt(9) - '0';
        String bad = good.substring(0, 9) + (last + 1 + r.nextInt(9)) % 10;
        return bad.substring(0, 3) + " " + bad.substring(3, 6) + " " + bad.substring(6);
    }

    /** A DNI with the wrong check letter. */
    static String dniWithBadLetter(Random r) {
        String letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        String digits = String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
        char good = letters.charAt(Integer.parseInt(digits) % 23);
        char bad;
        do {
            bad = letters.charAt(r.nextInt(letters.length()));
        } while (bad == good);
        return digits + bad;
    }

    /** A parcel tracking number (UPS, FedEx, USPS, DHL); all-digit ones fail Luhn. */
    static String trackingNumber(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "1Z" + ValidIds.from(r, "0123456789ABCDEFGHJKLMNPRSTVWXYZ", 6) + "03" + ValidIds.digits(r, 8);
            case 1 -> failingLuhn(ValidIds.digits(r, 12), r);
            case 2 -> ("9400" + ValidIds.digits(r, 18)).replaceAll("(.{4})(?!$)", "$1 ");
            default -> "JJD" + failingLuhn(ValidIds.digits(r, 18), r);
        };
    }

    /** An EAN-13 barcode (with its own check digit) that does not pass Luhn. */
    static String ean13(Random r) {
        while (true) {
            String payload = ValidIds.pick(r, "40", "50", "76", "87", "80", "84") + ValidIds.digits(r, 10);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (payload.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            String ean = payload + (10 - sum % 10) % 10;
            if (!luhnValid(ean)) {
                return ean;
            }
        }
    }

    static String orderNumber(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "ORD-%d-%06d", 2021 + r.nextInt(5), r.nextInt(1_000_000));
            case 1 -> "#" + (100000 + r.nextInt(900000));
            case 2 -> "PO-45000" + ValidIds.digits(r, 5);
            default -> String.format(Locale.ROOT, "SO-%d-%02d-%05d", 2021 + r.nextInt(5), 1 + r.nextInt(12), r.nextInt(100_000));
        };
    }

    static String invoiceNumber(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "INV-%d-%05d", 2021 + r.nextInt(5), r.nextInt(100_000));
            case 1 -> String.format(Locale.ROOT, "RE-%d-%04d", 2021 + r.nextInt(5), r.nextInt(10_000));
            default -> String.format(Locale.ROOT, "FAC/%d/%05d", 2021 + r.nextInt(5), r.nextInt(100_000));
        };
    }

    static String sku(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> ValidIds.upper(r, 2) + "-" + ValidIds.digits(r, 4) + "-" + ValidIds.pick(r, "BLK", "WHT", "XL", "M", "S");
            case 1 -> "ART." + ValidIds.digits(r, 5) + "-" + ValidIds.pick(r, "XL", "L", "M");
            default -> "B0" + ValidIds.from(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 8);
        };
    }

    static String uuid(Random r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }

    /**
     * A four-part version as package managers, drivers and agents print them: a one-digit major, then
     * minor, patch and build under 50, or a build number of four digits ({@code 6.14.2.6},
     * {@code 1.1.1.23}, {@code 4.8.4084.0}).
     */
    static String fourPartVersion(Random r) {
        String head = (1 + r.nextInt(9)) + "." + r.nextInt(21) + "." + r.nextInt(50) + ".";
        return head + (r.nextInt(5) == 0 ? 1000 + r.nextInt(9000) : r.nextInt(50));
    }

    static String version(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> (1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(30) + "." + r.nextInt(10);
            case 1 -> "v" + (1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(30);
            case 2 -> (11 + r.nextInt(11)) + ".0." + r.nextInt(20) + "+" + r.nextInt(40);
            default -> (1 + r.nextInt(5)) + "." + r.nextInt(10) + "." + r.nextInt(10) + "-rc." + (1 + r.nextInt(4));
        };
    }

    /** A digit string changed, when it passes Luhn, so that it does not. */
    static String failingLuhn(String digits, Random r) {
        if (!luhnValid(digits)) {
            return digits;
        }
        int last = digits.charAt(digits.length() - 1) - '0';
        return digits.substring(0, digits.length() - 1) + (last + 1 + r.nextInt(9)) % 10;
    }

    static boolean luhnValid(String digits) {
        return Checksums.luhn(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }
}
