package dev.piimap.classifiers.validators;

import java.util.Locale;

/**
 * Strict parsing of textual IP addresses, shared by the {@code ip} validator, masking and
 * fingerprints. IPv4 is four decimal octets 0-255 without leading zeros. IPv6 follows RFC 4291
 * section 2.2: eight groups of 1-4 hex digits, at most one {@code ::} standing for one or more zero
 * groups, optionally ending in an embedded IPv4 address; zone ids ({@code %eth0}) are not part of the
 * address. Never throws; unparseable text gives null.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The four octets of an IPv4 address, or null. */
    public static int[] parseIpv4(CharSequence text) {
        String s = text.toString();
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            for (int j = 0; j < p.length(); j++) {
                if (p.charAt(j) < '0' || p.charAt(j) > '9') {
                    return null;
                }
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    /** The eight 16-bit groups of an IPv6 address, or null. */
    public static int[] parseIpv6(CharSequence text) {
        String s = text.toString();
        if (s.length() < 2 || s.length() > 45 || s.indexOf(':') < 0) {
            return null;
        }
        int[] embedded = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) >= 0) {
            embedded = parseIpv4(s.substring(lastColon + 1));
            if (embedded == null) {
                return null;
            }
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        int[] groups = new int[8];
        if (doubleColon < 0) {
            if (!parseGroups(s, groups, 0, 8)) {
                return null;
            }
        } else {
            String head = s.substring(0, doubleColon);
            String tail = s.substring(doubleColon + 2);
            int[] headGroups = new int[8];
            int[] tailGroups = new int[8];
            int headCount = head.isEmpty() ? 0 : count(head);
            int tailCount = tail.isEmpty() ? 0 : count(tail);
            if (headCount + tailCount > 7
                    || (headCount > 0 && !parseGroups(head, headGroups, 0, headCount))
                    || (tailCount > 0 && !parseGroups(tail, tailGroups, 0, tailCount))) {
                return null;
            }
            System.arraycopy(headGroups, 0, groups, 0, headCount);
            System.arraycopy(tailGroups, 0, groups, 8 - tailCount, tailCount);
        }
        if (embedded != null) {
            groups[6] = embedded[0] << 8 | embedded[1];
            groups[7] = embedded[2] << 8 | embedded[3];
        }
        return groups;
    }

    /**
     * The canonical text of an IP address (IPv4 dotted decimal; IPv6 in RFC 5952 form: lower case,
     * longest zero run compressed), or null when {@code text} is neither.
     */
    public static String canonicalForm(CharSequence text) {
        String s = text.toString().trim();
        int[] v4 = parseIpv4(s);
        if (v4 != null) {
            return v4[0] + "." + v4[1] + "." + v4[2] + "." + v4[3];
        }
        int[] v6 = parseIpv6(s);
        return v6 == null ? null : formatIpv6(v6);
    }

    static String formatIpv6(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static int count(String colonSeparated) {
        int n = 1;
        for (int i = 0; i < colonSeparated.length(); i++) {
            if (colonSeparated.charAt(i) == ':') {
                n++;
            }
        }
        return n;
    }

    private static boolean parseGroups(String s, int[] into, int offset, int expected) {
        String[] parts = s.split(":", -1);
        if (parts.length != expected) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return false;
            }
            int value = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) {
                    return false;
                }
                value = value * 16 + d;
            }
            into[offset + i] = value;
        }
        return true;
    }
}
