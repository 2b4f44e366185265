package dev.piimap.scanner.eval;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Check-digit rules written again from their specifications, independently of the generator's
 * {@code Checksums}, so that a shared mistake cannot make both agree.
 */
final class IndependentChecks {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private IndependentChecks() {
    }

    static String digitsOnly(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    /** Luhn over the whole number: double every second digit from the right, sum digits, divisible by 10. */
    static boolean luhn(String number) {
        String d = digitsOnly(number);
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int digit = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static boolean card(String value) {
        String d = digitsOnly(value);
        return value.matches("[0-9 \\-]+") && d.length() >= 12 && d.length() <= 19 && luhn(d);
    }

    /** ISO 13616: move the first four characters to the end, letters to 10-35, the number mod 97 is 1. */
    static boolean iban(String value) {
        String s = value.replace(" ", "");
        if (!s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean ssn(String value) {
        String d = digitsOnly(value);
        if (d.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(d.substring(0, 3));
        int group = Integer.parseInt(d.substring(3, 5));
        int serial = Integer.parseInt(d.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    static boolean itin(String value) {
        String d = digitsOnly(value);
        if (d.length() != 9 || d.charAt(0) != '9') {
            return false;
        }
        int group = Integer.parseInt(d.substring(3, 5));
        return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
    }

    static boolean abaRouting(String value) {
        if (!value.matches("[0-9]{9}")) {
            return false;
        }
        int[] d = value.chars().map(c -> c - '0').toArray();
        int prefix = d[0] * 10 + d[1];
        boolean knownPrefix = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
        return knownPrefix && (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0;
    }

    static boolean ukNino(String value) {
        String s = value.replace(" ", "");
        return s.matches("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]")
                && !List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(s.substring(0, 2));
    }

    static boolean nhs(String value) {
        String d = value.replace(" ", "");
        if (!d.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check != 10 && check == d.charAt(9) - '0';
    }

    /** Steuer-IdNr: 11 digits, first not 0, in the first ten one digit twice or thrice, the rest once or never; ISO 7064 MOD 11,10. */
    static boolean deTaxId(String value) {
        String d = value.replace(" ", "");
        if (!d.matches("[1-9][0-9]{10}")) {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[d.charAt(i) - '0']++;
        }
        long repeated = java.util.Arrays.stream(counts).filter(n -> n >= 2).count();
        boolean shape = repeated == 1 && java.util.Arrays.stream(counts).allMatch(n -> n <= 3);
        return shape && mod11Mod10(d.substring(0, 10)) == d.charAt(10) - '0';
    }

    static int mod11Mod10(String digits) {
        int p = 10;
        for (char ch : digits.toCharArray()) {
            int s = (ch - '0' + p) % 10;
            p = (s == 0 ? 10 : s) * 2 % 11;
        }
        return (11 - p) % 10;
    }

    static boolean frInsee(String value) {
        String s = value.replace(" ", "");
        if (!s.matches("[12][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}")) {
            return false;
        }
        String body = s.substring(0, 13).replace("2A", "19").replace("2B", "18");
        int key = Integer.parseInt(s.substring(13));
        return key == 97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue();
    }

    static boolean esDni(String value) {
        String s = value.replace("-", "");
        String letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        if (s.matches("[0-9]{8}[A-Z]")) {
            return letters.charAt(Integer.parseInt(s.substring(0, 8)) % 23) == s.charAt(8);
        }
        if (s.matches("[XYZ][0-9]{7}[A-Z]")) {
            int lead = "XYZ".indexOf(s.charAt(0));
            return letters.charAt(Integer.parseInt(lead + s.substring(1, 8)) % 23) == s.charAt(8);
        }
        return false;
    }

    private static final Map<Character, Integer> CF_ODD = Map.ofEntries(
            Map.entry('0', 1), Map.entry('1', 0), Map.entry('2', 5), Map.entry('3', 7), Map.entry('4', 9), Map.entry('5', 13),
            Map.entry('6', 15), Map.entry('7', 17), Map.entry('8', 19), Map.entry('9', 21), Map.entry('A', 1), Map.entry('B', 0),
            Map.entry('C', 5), Map.entry('D', 7), Map.entry('E', 9), Map.entry('F', 13), Map.entry('G', 15), Map.entry('H', 17),
            Map.entry('I', 19), Map.entry('J', 21), Map.entry('K', 2), Map.entry('L', 4), Map.entry('M', 18), Map.entry('N', 20),
            Map.entry('O', 11), Map.entry('P', 3), Map.entry('Q', 6), Map.entry('R', 8), Map.entry('S', 12), Map.entry('T', 14),
            Map.entry('U', 16), Map.entry('V', 10), Map.entry('W', 22), Map.entry('X', 25), Map.entry('Y', 24), Map.entry('Z', 23));

    static boolean itFiscalCode(String value) {
        if (!value.matches("[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-7][0-9][A-Z][0-9]{3}[A-Z]")) {
            return false;
        }
        int day = Integer.parseInt(value.substring(9, 11));
        if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = value.charAt(i);
            sum += (i + 1) % 2 == 1 ? CF_ODD.get(ch) : Character.isDigit(ch) ? ch - '0' : ch - 'A';
        }
        return value.charAt(15) == (char) ('A' + sum % 26);
    }

    static boolean vatId(String value) {
        String s = value.replace(" ", "");
        String country = s.substring(0, 2);
        String rest = s.substring(2);
        return switch (country) {
            case "DE" -> rest.matches("[1-9][0-9]{8}") && mod11Mod10(rest.substring(0, 8)) == rest.charAt(8) - '0';
            case "FR" -> rest.matches("[0-9]{11}") && luhn(rest.substring(2))
                    && Integer.parseInt(rest.substring(0, 2)) == (12 + 3 * (Long.parseLong(rest.substring(2)) % 97)) % 97;
            case "IT" -> rest.matches("[0-9]{11}") && luhn(rest);
            case "BE" -> rest.matches("[01][0-9]{9}") && 97 - Long.parseLong(rest.substring(0, 8)) % 97 == Long.parseLong(rest.substring(8));
            case "NL" -> rest.matches("[0-9]{9}B[0-9]{2}") && weighted(rest.substring(0, 8), new int[] {9, 8, 7, 6, 5, 4, 3, 2}) % 11 == rest.charAt(8) - '0';
            case "AT" -> rest.matches("U[0-9]{8}") && austrianCheck(rest.substring(1));
            case "ES" -> esDni(rest);
            case "PL" -> rest.matches("[0-9]{10}") && weighted(rest.substring(0, 9), new int[] {6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11 == rest.charAt(9) - '0';
            default -> false;
        };
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static boolean austrianCheck(String eight) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int d = eight.charAt(i) - '0';
            if (i % 2 == 1) {
                d = d * 2;
                d = d / 10 + d % 10;
            }
            sum += d;
        }
        return (10 - (sum + 4) % 10) % 10 == eight.charAt(7) - '0';
    }

    static boolean phone(String value, List<String> regions) {
        for (String region : regions) {
            try {
                if (PHONES.isValidNumber(PHONES.parse(value, region))) {
                    return true;
                }
            } catch (NumberParseException ignored) {
                // try the next region
            }
        }
        return false;
    }

    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._+]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern MAC = Pattern.compile("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}|[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}");

    static boolean email(String value) {
        return EMAIL.matcher(value).matches();
    }

    static boolean mac(String value) {
        return MAC.matcher(value).matches();
    }

    static boolean ip(String value) {
        if (value.contains(":")) {
            try {
                return value.matches("[0-9a-fA-F:]+") && java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        String[] parts = value.split("\\.");
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean coordinates(String value) {
        java.util.regex.Matcher decimal = Pattern.compile("(-?[0-9]{1,2}\\.[0-9]{4,6}), ?(-?[0-9]{1,3}\\.[0-9]{4,6})").matcher(value);
        if (decimal.matches()) {
            return Math.abs(Double.parseDouble(decimal.group(1))) <= 90 && Math.abs(Double.parseDouble(decimal.group(2))) <= 180;
        }
        return value.matches("[0-9]{1,2}°[0-5][0-9]'[0-9]{2}\\.[0-9](\"|'')[NS] [0-9]{1,3}°[0-5][0-9]'[0-9]{2}\\.[0-9](\"|'')[EW]");
    }

    static boolean urlWithPii(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.matches("https?://[a-z0-9.-]+/[^ ]*[?#][^ ]*")
                && (lower.contains("@") || lower.contains("%40") || lower.contains("token=") || lower.contains("api_key="));
    }
}
