package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.validators.IpAddresses;

/**
 * Masks a matched value for display (samples in the data map, reports). The result never reveals
 * enough to reconstruct the value:
 * <ul>
 *   <li>card number: at most the first 6 and last 4 digits, e.g. {@code 411111******1111}; numbers
 *       under 13 digits keep only the last 4;</li>
 *   <li>e-mail: first character of the local part and of the domain, and the top-level domain, e.g.
 *       {@code j***@e***.com};</li>
 *   <li>IBAN: the first 4 (country and check digits) and last 4 characters;</li>
 *   <li>US SSN: the last 4 digits, {@code ***-**-6789};</li>
 *   <li>phone: separators and the last 4 digits (last 2 when the number has fewer than 10 digits);</li>
 *   <li>IP address: the first two IPv4 octets or IPv6 groups, e.g. {@code 192.168.*.*};</li>
 *   <li>anything else, or a value not shaped like its type: the first character and {@code ***}.</li>
 * </ul>
 * Null and empty values are returned as they are. Never throws.
 */
public final class Masker {
    private static final String HIDDEN = "***";

    private Masker() {
    }

    public static String mask(EntityType type, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String trimmed = value.strip();
        String masked = switch (type) {
            case CREDIT_CARD -> card(trimmed);
            case EMAIL_ADDRESS -> email(trimmed);
            case IBAN -> iban(trimmed);
            case US_SSN -> ssn(trimmed);
            case PHONE_NUMBER -> phone(trimmed);
            case IP_ADDRESS -> ip(trimmed);
            default -> null;
        };
        return masked != null ? masked : generic(trimmed);
    }

    static String generic(String value) {
        if (value.isEmpty()) {
            return HIDDEN;
        }
        return new String(Character.toChars(value.codePointAt(0))) + HIDDEN;
    }

    private static String card(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        int n = digits.length();
        if (n < 8 || !value.matches("[0-9 \\-]+")) {
            return null;
        }
        int head = n >= 13 ? 6 : 0;
        return digits.substring(0, head) + "*".repeat(n - head - 4) + digits.substring(n - 4);
    }

    private static String email(String value) {
        int at = value.lastIndexOf('@');
        int dot = value.lastIndexOf('.');
        if (at <= 0 || dot < at + 2 || dot == value.length() - 1) {
            return null;
        }
        return generic(value.substring(0, at)) + "@" + generic(value.substring(at + 1, dot)) + value.substring(dot);
    }

    private static String iban(String value) {
        String compact = value.replace(" ", "");
        if (compact.length() < 12 || !compact.matches("[A-Za-z0-9]+")) {
            return null;
        }
        return compact.substring(0, 4) + "*".repeat(compact.length() - 8) + compact.substring(compact.length() - 4);
    }

    private static String ssn(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() != 9) {
            return null;
        }
        return "***-**-" + digits.substring(5);
    }

    private static String phone(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        if (digits < 6) {
            return null;
        }
        int shown = digits >= 10 ? 4 : 2;
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > digits - shown ? c : '*');
            } else if ("+ ()-./".indexOf(c) >= 0) {
                out.append(c);
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private static String ip(String value) {
        String canonical = IpAddresses.canonicalForm(value);
        if (canonical == null) {
            return null;
        }
        if (canonical.indexOf(':') < 0) {
            String[] octets = canonical.split("\\.");
            return octets[0] + "." + octets[1] + ".*.*";
        }
        int[] groups = IpAddresses.parseIpv6(canonical);
        return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":*:*:*:*:*:*";
    }
}
