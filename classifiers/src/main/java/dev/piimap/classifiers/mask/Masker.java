package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.validators.BirthDates;
import dev.piimap.classifiers.validators.IpAddresses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
 *   <li>MAC address: the vendor prefix (first three octets), e.g. {@code 00:1A:2B:**:**:**};</li>
 *   <li>user agent: the first product token, e.g. {@code Mozilla/5.0 ***};</li>
 *   <li>credential: at most 4 leading characters (fewer for short secrets: a quarter of the length)
 *       and the length, e.g. {@code ghp_***…(40 chars)}; a PEM key its BEGIN line only;</li>
 *   <li>date of birth: the shape and the decade, e.g. {@code ****-**-** (1980s)};</li>
 *   <li>national identifiers, passport, ITIN, routing numbers: the last 3 letters or digits with the
 *       separators, e.g. {@code ** ** ** 56 C}; VAT ids also keep their country prefix;</li>
 *   <li>coordinates: one decimal of each (about 11 km), e.g. {@code 52.5***, 13.4***}; in degrees,
 *       minutes and seconds the whole degrees and the hemispheres, e.g. {@code 48°***N, 2°***E};</li>
 *   <li>URL carrying personal data: scheme and host, e.g. {@code https://example.com/***};</li>
 *   <li>anything else, or a value not shaped like its type: the first character and {@code ***}.</li>
 * </ul>
 * Null and empty values are returned as they are. Never throws.
 */
public final class Masker {
    private static final String HIDDEN = "***";
    /** Most characters of a secret a mask shows. */
    static final int CREDENTIAL_SHOWN = 4;
    /** Trailing letters and digits of a national identifier a mask shows. */
    static final int NATIONAL_ID_SHOWN = 3;

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
            case MAC_ADDRESS -> mac(trimmed);
            case USER_AGENT -> userAgent(trimmed);
            case CREDENTIAL -> credential(trimmed);
            case DATE_OF_BIRTH -> birthDate(trimmed);
            case UK_NINO, UK_NHS_NUMBER, DE_TAX_ID, FR_INSEE, ES_DNI, IT_FISCAL_CODE, PASSPORT_NUMBER, US_ITIN,
                    US_ABA_ROUTING -> lastCharacters(trimmed, 0, NATIONAL_ID_SHOWN);
            case EU_VAT_ID -> lastCharacters(trimmed, 2, NATIONAL_ID_SHOWN);
            case GEO_COORDINATES -> coordinates(trimmed);
            case URL_WITH_PII -> url(trimmed);
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

    private static String mac(String value) {
        int hex = 0;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                out.append(++hex <= 6 ? c : '*');
            } else if (":-.".indexOf(c) >= 0) {
                out.append(c);
            } else {
                return null;
            }
        }
        return hex == 12 ? out.toString() : null;
    }

    private static String userAgent(String value) {
        int end = 0;
        while (end < value.length() && value.charAt(end) != ' ' && value.charAt(end) != '(') {
            end++;
        }
        return end == 0 || value.indexOf('/') < 0 ? null : value.substring(0, end) + " " + HIDDEN;
    }

    private static String credential(String value) {
        int length = value.codePointCount(0, value.length());
        if (value.startsWith("-----BEGIN")) {
            int headerEnd = value.indexOf("-----", 10);
            if (headerEnd > 0) {
                return value.substring(0, headerEnd + 5) + HIDDEN + "\u2026(" + length + " chars)";
            }
        }
        int shown = Math.min(CREDENTIAL_SHOWN, length / 4);
        return value.substring(0, value.offsetByCodePoints(0, shown)) + HIDDEN + "\u2026(" + length + " chars)";
    }

    private static String birthDate(String value) {
        LocalDate date = BirthDates.parse(value);
        if (date == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isLetterOrDigit(c) ? '*' : c);
        }
        return out.append(" (").append(date.getYear() / 10 * 10).append("s)").toString();
    }

    /** Letters and digits as '*' except the first {@code head} and the last {@code tail}; separators kept. */
    private static String lastCharacters(String value, int head, int tail) {
        int total = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                total++;
            }
        }
        if (total < head + tail + 3) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                seen++;
                out.append(seen <= head || seen > total - tail ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String coordinates(String value) {
        if (value.indexOf('\u00b0') >= 0 || value.indexOf('\u00ba') >= 0) {
            return degreesMinutesSeconds(value);
        }
        StringBuilder out = new StringBuilder();
        int found = 0;
        int i = 0;
        while (i < value.length() && found < 2) {
            char c = value.charAt(i);
            boolean sign = (c == '-' || c == '+') && i + 1 < value.length() && Character.isDigit(value.charAt(i + 1));
            if (!Character.isDigit(c) && !sign) {
                i++;
                continue;
            }
            int start = i++;
            while (i < value.length() && Character.isDigit(value.charAt(i))) {
                i++;
            }
            if (i + 1 >= value.length() || value.charAt(i) != '.' || !Character.isDigit(value.charAt(i + 1))) {
                return null;
            }
            out.append(found++ == 0 ? "" : ", ").append(value, start, i + 2).append(HIDDEN);
            i += 2;
            while (i < value.length() && Character.isDigit(value.charAt(i))) {
                i++;
            }
        }
        return found == 2 ? out.toString() : null;
    }

    /** {@code 48°51'29.6"N 2°17'40.2"E} as {@code 48°***N, 2°***E}; null unless two degrees and two hemispheres. */
    private static String degreesMinutesSeconds(String value) {
        List<String> degrees = new ArrayList<>(2);
        StringBuilder hemispheres = new StringBuilder(2);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                int start = i;
                while (i < value.length() && (Character.isDigit(value.charAt(i)) || value.charAt(i) == '.')) {
                    i++;
                }
                int mark = i;
                while (mark < value.length() && value.charAt(mark) == ' ') {
                    mark++;
                }
                if (mark < value.length() && (value.charAt(mark) == '\u00b0' || value.charAt(mark) == '\u00ba')) {
                    String whole = value.substring(start, i);
                    int dot = whole.indexOf('.');
                    degrees.add(dot < 0 ? whole : whole.substring(0, dot));
                }
            } else {
                if ("NSEWnsew".indexOf(c) >= 0) {
                    hemispheres.append(Character.toUpperCase(c));
                }
                i++;
            }
        }
        if (degrees.size() != 2 || hemispheres.length() != 2) {
            return null;
        }
        return degrees.get(0) + "\u00b0" + HIDDEN + hemispheres.charAt(0) + ", " + degrees.get(1) + "\u00b0" + HIDDEN + hemispheres.charAt(1);
    }

    private static String url(String value) {
        int scheme = value.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        int hostStart = scheme + 3;
        int hostEnd = hostStart;
        while (hostEnd < value.length() && "/?#;".indexOf(value.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = value.substring(hostStart, hostEnd);
        host = host.substring(host.lastIndexOf('@') + 1);
        return host.isEmpty() ? null : value.substring(0, hostStart) + host + "/" + HIDDEN;
    }
}
