package dev.piimap.scanner.eval;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic identifiers that pass their real-world checks: card numbers (Luhn, issuer prefix and
 * length), IBANs (mod 97, plus the national check digits of FR, ES, IT and BE), and national,
 * tax and bank numbers. None is a real person's; all are drawn from the caller's {@link Random}, so
 * a seed fixes them.
 */
final class ValidIds {
    private static final String[] IT_MONTHS = {"A", "B", "C", "D", "E", "H", "L", "M", "P", "R", "S", "T"};
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";
    private static final List<String> NINO_NEVER = List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final String[] IBAN_COUNTRIES = {"DE", "GB", "FR", "NL", "ES", "IT", "BE", "AT", "CH", "IE", "LU", "PL"};
    private static final String[] ABA_PREFIXES = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
            "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "61", "62", "63", "64", "65", "66", "67",
            "68", "69", "70", "71", "72", "80"};

    private ValidIds() {
    }

    // ---- cards ----

    /** A Luhn-valid PAN, digits only, of a real scheme's prefix and length (12 to 19 digits). */
    static String card(Random r) {
        String prefix;
        int length;
        int pick = r.nextInt(100);
        if (pick < 34) {
            prefix = "4";
            length = pick < 2 ? 13 : pick < 4 ? 19 : 16;
        } else if (pick < 54) {
            prefix = pick < 46 ? "5" + (1 + r.nextInt(5)) : String.valueOf(2221 + r.nextInt(500));
            length = 16;
        } else if (pick < 68) {
            prefix = r.nextBoolean() ? "34" : "37";
            length = 15;
        } else if (pick < 76) {
            prefix = r.nextBoolean() ? "6011" : "65";
            length = 16;
        } else if (pick < 84) {
            prefix = String.valueOf(3528 + r.nextInt(62));
            length = 16;
        } else if (pick < 89) {
            prefix = "36";
            length = 14;
        } else if (pick < 94) {
            prefix = "62";
            length = 16 + r.nextInt(4);
        } else {
            prefix = new String[] {"50", "56", "57", "58", "63", "67"}[r.nextInt(6)];
            length = 12 + r.nextInt(8);
        }
        String payload = prefix + digits(r, length - prefix.length() - 1);
        return payload + Checksums.luhn(payload);
    }

    /** The PAN as people write it: grouped by the scheme's habit with spaces or dashes, or plain. */
    static String formatCard(String pan, Random r) {
        int kind = r.nextInt(10);
        if (kind < 2) {
            return pan;
        }
        String separator = kind < 7 ? " " : "-";
        int[] groups = switch (pan.length()) {
            case 15 -> new int[] {4, 6, 5};
            case 14 -> new int[] {4, 6, 4};
            case 13 -> new int[] {4, 4, 5};
            case 12 -> new int[] {4, 4, 4};
            default -> null;
        };
        if (groups == null) {
            return pan.replaceAll("(.{4})(?!$)", "$1" + separator);
        }
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                sb.append(separator);
            }
            sb.append(pan, at, at + g);
            at += g;
        }
        return sb.toString();
    }

    // ---- IBAN ----

    static String iban(Random r) {
        return iban(IBAN_COUNTRIES[r.nextInt(IBAN_COUNTRIES.length)], r);
    }

    /** A compact, mod-97-valid IBAN of {@code country}, with the national check digits where the country has them. */
    static String iban(String country, Random r) {
        String bban = switch (country) {
            case "DE" -> digits(r, 18);
            case "GB" -> pick(r, "NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA") + digits(r, 14);
            case "IE" -> pick(r, "AIBK", "BOFI", "IPBS") + digits(r, 14);
            case "NL" -> pick(r, "ABNA", "INGB", "RABO", "TRIO", "SNSB") + digits(r, 10);
            case "AT" -> digits(r, 16);
            case "CH" -> digits(r, 17);
            case "LU" -> digits(r, 16);
            case "PL" -> digits(r, 24);
            case "BE" -> {
                String first = digits(r, 10);
                long check = Long.parseLong(first) % 97;
                yield first + String.format(Locale.ROOT, "%02d", check == 0 ? 97 : check);
            }
            case "FR" -> {
                String bank = digits(r, 5);
                String branch = digits(r, 5);
                String account = digits(r, 11);
                long key = 97 - (89 * Long.parseLong(bank) + 15 * Long.parseLong(branch) + 3 * Long.parseLong(account)) % 97;
                yield bank + branch + account + String.format(Locale.ROOT, "%02d", key);
            }
            case "ES" -> {
                String bank = digits(r, 4);
                String branch = digits(r, 4);
                String account = digits(r, 10);
                yield bank + branch + spanishControl("00" + bank + branch) + spanishControl(account) + account;
            }
            case "IT" -> {
                String rest = digits(r, 10) + digits(r, 12);
                yield Checksums.italianCheckLetter(rest) + rest;
            }
            default -> throw new IllegalArgumentException("no IBAN layout for " + country);
        };
        int check = 98 - Checksums.mod97(bban + country + "00");
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    /** Mostly in groups of four, as printed on statements; sometimes compact. */
    static String formatIban(String iban, Random r) {
        return r.nextInt(4) == 0 ? iban : iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static int spanishControl(String tenDigits) {
        int[] weights = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (tenDigits.charAt(i) - '0') * weights[i];
        }
        int d = 11 - sum % 11;
        return d == 11 ? 0 : d == 10 ? 1 : d;
    }

    // ---- United States ----

    /** An SSN in an issued range: area 001-899 but not 666, group 01-99, serial 0001-9999, as {@code 123-45-6789}. */
    static String ssn(Random r) {
        int area;
        do {
            area = 1 + r.nextInt(899);
        } while (area == 666);
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + r.nextInt(99), 1 + r.nextInt(9999));
    }

    /** An ITIN: {@code 9XX-YY-ZZZZ} with YY in 50-65, 70-88, 90-92 or 94-99. */
    static String itin(Random r) {
        int[] groups = {50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79,
                80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 94, 95, 96, 97, 98, 99};
        return String.format(Locale.ROOT, "9%02d-%02d-%04d", r.nextInt(100), groups[r.nextInt(groups.length)], r.nextInt(10_000));
    }

    /** An ABA routing number: a Federal Reserve prefix and the 3-7-1 weighted check digit. */
    static String abaRouting(Random r) {
        String payload = ABA_PREFIXES[r.nextInt(ABA_PREFIXES.length)] + digits(r, 6);
        int[] w = {3, 7, 1, 3, 7, 1, 3, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (payload.charAt(i) - '0') * w[i];
        }
        return payload + (10 - sum % 10) % 10;
    }

    // ---- United Kingdom ----

    /** A National Insurance number, {@code AB 12 34 56 C} or compact. */
    static String ukNino(Random r) {
        String prefix;
        do {
            prefix = "" + NINO_FIRST.charAt(r.nextInt(NINO_FIRST.length())) + NINO_SECOND.charAt(r.nextInt(NINO_SECOND.length()));
        } while (NINO_NEVER.contains(prefix));
        String d = digits(r, 6);
        char suffix = "ABCD".charAt(r.nextInt(4));
        return r.nextBoolean()
                ? prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix
                : prefix + d + suffix;
    }

    /** An NHS number (mod 11 check digit) as {@code 943 476 5919}, sometimes without spaces. */
    static String nhsNumber(Random r) {
        while (true) {
            String payload = (1 + r.nextInt(9)) + digits(r, 8);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (payload.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            String n = payload + (check == 11 ? 0 : check);
            return r.nextInt(4) == 0 ? n : n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
        }
    }

    // ---- Germany, France, Spain, Italy ----

    /** A German tax ID (Steuer-IdNr): ten digits, first not 0, one digit twice; ISO 7064 MOD 11,10 check. */
    static String deTaxId(Random r) {
        List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(pool, r);
        List<Integer> chosen = new ArrayList<>(pool.subList(0, 9));
        chosen.add(chosen.get(r.nextInt(9)));
        String payload;
        do {
            Collections.shuffle(chosen, r);
            StringBuilder sb = new StringBuilder();
            chosen.forEach(sb::append);
            payload = sb.toString();
        } while (payload.charAt(0) == '0');
        String id = payload + Checksums.iso7064Mod11Mod10(payload);
        return r.nextBoolean() ? id : id.substring(0, 2) + " " + id.substring(2, 5) + " " + id.substring(5, 8) + " " + id.substring(8);
    }

    /** A French NIR (INSEE number) for someone born on {@code birth}: key = 97 - (number mod 97), spaced or compact. */
    static String frInsee(Random r, LocalDate birth, boolean female) {
        String department = r.nextInt(30) == 0 ? (r.nextBoolean() ? "2A" : "2B")
                : String.format(Locale.ROOT, "%02d", pickDepartment(r));
        String body = (female ? "2" : "1") + String.format(Locale.ROOT, "%02d%02d", birth.getYear() % 100, birth.getMonthValue())
                + department + String.format(Locale.ROOT, "%03d%03d", 1 + r.nextInt(990), 1 + r.nextInt(999));
        long number = Long.parseLong(body.replace("2A", "19").replace("2B", "18"));
        String key = String.format(Locale.ROOT, "%02d", 97 - number % 97);
        return r.nextBoolean() ? body + key
                : body.charAt(0) + " " + body.substring(1, 3) + " " + body.substring(3, 5) + " " + body.substring(5, 7) + " "
                + body.substring(7, 10) + " " + body.substring(10, 13) + " " + key;
    }

    private static int pickDepartment(Random r) {
        int d;
        do {
            d = 1 + r.nextInt(95);
        } while (d == 20);
        return d;
    }

    /** A Spanish DNI ({@code 12345678Z}) or, one time in three, an NIE ({@code X1234567L}); check letter mod 23. */
    static String esDni(Random r) {
        if (r.nextInt(3) == 0) {
            int lead = r.nextInt(3);
            String digits = digits(r, 7);
            char letter = DNI_LETTERS.charAt(Integer.parseInt(lead + digits) % 23);
            String prefix = "XYZ".substring(lead, lead + 1);
            return r.nextInt(4) == 0 ? prefix + "-" + digits + "-" + letter : prefix + digits + letter;
        }
        String digits = String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
        char letter = DNI_LETTERS.charAt(Integer.parseInt(digits) % 23);
        return r.nextInt(4) == 0 ? digits + "-" + letter : digits + letter;
    }

    /** An Italian codice fiscale derived from the person, with a valid check letter. */
    static String itFiscalCode(Random r, String surname, String givenName, LocalDate birth, boolean female) {
        String[] municipalities = {"H501", "F205", "F839", "L219", "G273", "A944", "D612", "L736", "D969", "A662", "C351", "L424"};
        String body = surnameCode(surname) + givenNameCode(givenName)
                + String.format(Locale.ROOT, "%02d", birth.getYear() % 100) + IT_MONTHS[birth.getMonthValue() - 1]
                + String.format(Locale.ROOT, "%02d", birth.getDayOfMonth() + (female ? 40 : 0))
                + municipalities[r.nextInt(municipalities.length)];
        return body + Checksums.italianCheckLetter(body);
    }

    private static String surnameCode(String surname) {
        String s = lettersOnly(surname);
        return (consonants(s) + vowels(s) + "XXX").substring(0, 3);
    }

    private static String givenNameCode(String name) {
        String s = lettersOnly(name);
        String c = consonants(s);
        if (c.length() >= 4) {
            return "" + c.charAt(0) + c.charAt(2) + c.charAt(3);
        }
        return (c + vowels(s) + "XXX").substring(0, 3);
    }

    static String lettersOnly(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static String consonants(String s) {
        return s.replaceAll("[AEIOU]", "");
    }

    private static String vowels(String s) {
        return s.replaceAll("[^AEIOU]", "");
    }

    // ---- passports and VAT ----

    /** A passport number in the layout of {@code country} (US, GB, DE, FR, ES, IT or NL). */
    static String passport(String country, Random r) {
        String deAlphabet = "CFGHJKLMNPRTVWXYZ";
        return switch (country) {
            case "US" -> r.nextBoolean() ? digits(r, 9) : upper(r, 1) + digits(r, 8);
            case "GB" -> digits(r, 9);
            case "DE" -> from(r, deAlphabet, 1) + from(r, "0123456789" + deAlphabet, 8);
            case "FR" -> digits(r, 2) + upper(r, 2) + digits(r, 5);
            case "ES" -> upper(r, 3) + digits(r, 6);
            case "IT" -> upper(r, 2) + digits(r, 7);
            case "NL" -> from(r, "ABCDEFGHIJKLMNPQRSTUVWXYZ", 2) + from(r, "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789", 6) + digits(r, 1);
            default -> throw new IllegalArgumentException("no passport layout for " + country);
        };
    }

    /** An EU VAT ID with its country's check digits: DE, FR, IT, BE, NL, AT, ES or PL. */
    static String vatId(String country, Random r) {
        String id = switch (country) {
            case "DE" -> {
                String p = (1 + r.nextInt(9)) + digits(r, 7);
                yield "DE" + p + Checksums.iso7064Mod11Mod10(p);
            }
            case "FR" -> {
                String p = (1 + r.nextInt(9)) + digits(r, 7);
                String siren = p + Checksums.luhn(p);
                yield "FR" + String.format(Locale.ROOT, "%02d", (12 + 3 * (Long.parseLong(siren) % 97)) % 97) + siren;
            }
            case "IT" -> {
                String p = digits(r, 7) + String.format(Locale.ROOT, "%03d", 1 + r.nextInt(100));
                yield "IT" + p + Checksums.luhn(p);
            }
            case "BE" -> {
                String p = "0" + (1 + r.nextInt(9)) + digits(r, 6);
                yield "BE" + p + String.format(Locale.ROOT, "%02d", 97 - Long.parseLong(p) % 97);
            }
            case "NL" -> {
                String p;
                int check;
                do {
                    p = (1 + r.nextInt(9)) + digits(r, 7);
                    int sum = 0;
                    for (int i = 0; i < 8; i++) {
                        sum += (p.charAt(i) - '0') * (9 - i);
                    }
                    check = sum % 11;
                } while (check == 10);
                yield "NL" + p + check + "B" + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(20));
            }
            case "AT" -> {
                String p = digits(r, 7);
                int sum = 0;
                for (int i = 0; i < 7; i++) {
                    int d = p.charAt(i) - '0';
                    sum += i % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
                }
                yield "ATU" + p + (10 - (sum + 4) % 10) % 10;
            }
            case "ES" -> "ES" + esDni(r).replace("-", "");
            case "PL" -> {
                int[] w = {6, 5, 7, 2, 3, 4, 5, 6, 7};
                String p;
                int check;
                do {
                    p = (1 + r.nextInt(9)) + digits(r, 8);
                    int sum = 0;
                    for (int i = 0; i < 9; i++) {
                        sum += (p.charAt(i) - '0') * w[i];
                    }
                    check = sum % 11;
                } while (check == 10);
                yield "PL" + p + check;
            }
            default -> throw new IllegalArgumentException("no VAT layout for " + country);
        };
        return r.nextInt(5) == 0 ? id.substring(0, 2) + " " + id.substring(2) : id;
    }

    // ---- helpers ----

    static String digits(Random r, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    static String upper(Random r, int count) {
        return from(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", count);
    }

    static String from(Random r, String alphabet, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @SafeVarargs
    static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
