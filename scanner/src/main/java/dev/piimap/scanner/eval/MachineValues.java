package dev.piimap.scanner.eval;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic device, network and secret values: IP and MAC addresses, user agents, coordinates, URLs
 * carrying personal data, and credentials in the shapes issuers use (AWS, GitHub, Slack, Stripe,
 * JWT) or typed by people (passwords).
 */
final class MachineValues {
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String[] WORDS = {"Sunset", "Harbor", "Falcon", "Maple", "Quartz", "Velvet", "Nimbus", "Cobalt",
            "Tiger", "Lantern", "Orchid", "Pepper", "Summer", "Winter", "Rocket", "Bramble"};

    private MachineValues() {
    }

    // ---- network ----

    /** An IPv4 address: public most of the time, sometimes private (10/8, 172.16/12, 192.168/16). */
    static String ipv4(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 1 -> "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 2 -> "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            default -> {
                int first;
                do {
                    first = 1 + r.nextInt(223);
                } while (first == 10 || first == 127 || first == 172 || first == 192);
                yield first + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            }
        };
    }

    /** An IPv6 address: compressed global unicast, full form, or link-local. */
    static String ipv6(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "2a02:%x:%x:%x::%x", 0x100 + r.nextInt(0xfe00), r.nextInt(0x10000),
                    r.nextInt(0x10000), 1 + r.nextInt(0xffff));
            case 1 -> String.format(Locale.ROOT, "2001:0db8:%04x:%04x:%04x:%04x:%04x:%04x", r.nextInt(0x10000),
                    r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000));
            default -> String.format(Locale.ROOT, "fe80::%x:%x:%x:%x", r.nextInt(0x10000), 0x100 + r.nextInt(0xff00),
                    r.nextInt(0x10000), 1 + r.nextInt(0xffff));
        };
    }

    static String ip(Random r) {
        return r.nextInt(4) == 0 ? ipv6(r) : ipv4(r);
    }

    /** A MAC address: {@code 3C:22:FB:1A:9E:07}, lower case, dashed, or Cisco dotted. */
    static String mac(Random r) {
        int[] b = new int[6];
        for (int i = 0; i < 6; i++) {
            b[i] = r.nextInt(256);
        }
        b[0] &= 0xFC; // universally administered unicast
        return switch (r.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%02X:%02X:%02X:%02X:%02X:%02X", b[0], b[1], b[2], b[3], b[4], b[5]);
            case 1 -> String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
            case 2 -> String.format(Locale.ROOT, "%02X-%02X-%02X-%02X-%02X-%02X", b[0], b[1], b[2], b[3], b[4], b[5]);
            default -> String.format(Locale.ROOT, "%02x%02x.%02x%02x.%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
        };
    }

    /** A browser or device user agent with plausible versions. */
    static String userAgent(Random r) {
        int chrome = 100 + r.nextInt(30);
        String chromeVersion = chrome + ".0." + (4000 + r.nextInt(3000)) + "." + r.nextInt(200);
        int ios = 15 + r.nextInt(4);
        int minor = r.nextInt(6);
        return switch (r.nextInt(7)) {
            case 0 -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chromeVersion
                    + " Safari/537.36";
            case 1 -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_" + (1 + r.nextInt(7)) + ") AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                    + ios + "." + minor + " Safari/605.1.15";
            case 2 -> {
                int ff = 100 + r.nextInt(25);
                yield "Mozilla/5.0 (X11; Linux x86_64; rv:" + ff + ".0) Gecko/20100101 Firefox/" + ff + ".0";
            }
            case 3 -> "Mozilla/5.0 (iPhone; CPU iPhone OS " + ios + "_" + minor + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                    + ios + "." + minor + " Mobile/15E148 Safari/604.1";
            case 4 -> "Mozilla/5.0 (Linux; Android " + (10 + r.nextInt(5)) + "; " + ValidIds.pick(r, "SM-G991B", "Pixel 7", "SM-A536B", "M2101K6G")
                    + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chromeVersion + " Mobile Safari/537.36";
            case 5 -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chromeVersion
                    + " Safari/537.36 Edg/" + chromeVersion;
            default -> {
                int ff = 100 + r.nextInt(25);
                yield "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + ff + ".0) Gecko/20100101 Firefox/" + ff + ".0";
            }
        };
    }

    /** A latitude/longitude pair: {@code 48.858370, 2.294481}, without the space, or in degrees, minutes and seconds. */
    static String coordinates(Random r) {
        double lat = -60 + r.nextDouble() * 130;
        double lon = -170 + r.nextDouble() * 340;
        int decimals = 4 + r.nextInt(3);
        String fmt = "%." + decimals + "f";
        return switch (r.nextInt(5)) {
            case 0 -> String.format(Locale.ROOT, fmt + "," + fmt, lat, lon);
            case 1 -> dms(lat, "N", "S") + " " + dms(lon, "E", "W");
            default -> String.format(Locale.ROOT, fmt + ", " + fmt, lat, lon);
        };
    }

    private static String dms(double value, String positive, String negative) {
        double a = Math.abs(value);
        int degrees = (int) a;
        int minutes = (int) ((a - degrees) * 60);
        double seconds = ((a - degrees) * 60 - minutes) * 60;
        return String.format(Locale.ROOT, "%d°%02d'%04.1f\"%s", degrees, minutes, seconds, value >= 0 ? positive : negative);
    }

    /** A URL whose query or fragment carries an e-mail address or a token. */
    static String urlWithPii(Random r, String email) {
        String host = ValidIds.pick(r, "shop.northwind.example", "app.brightdesk.io", "mail.fernwood-media.com", "portal.kestrel-insure.eu",
                "links.campaigns.vandermolen.nl");
        String encoded = r.nextBoolean() ? URLEncoder.encode(email, StandardCharsets.UTF_8) : email;
        return switch (r.nextInt(5)) {
            case 0 -> "https://" + host + "/newsletter/unsubscribe?email=" + encoded + "&list=weekly";
            case 1 -> "https://" + host + "/account/reset-password?token=" + from(r, HEX, 32) + "&user=" + encoded;
            case 2 -> "https://" + host + "/oauth/callback#access_token=" + jwt(r) + "&token_type=bearer&expires_in=3600";
            case 3 -> "http://" + host + "/track/open?uid=" + from(r, HEX, 12) + "&e=" + encoded;
            default -> "https://" + host + "/api/v1/export?api_key=" + from(r, ALNUM, 32) + "&format=csv";
        };
    }

    // ---- credentials ----

    static String awsAccessKeyId(Random r) {
        return "AKIA" + from(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    static String awsSecretKey(Random r) {
        return from(r, ALNUM + "/+", 40);
    }

    static String githubToken(Random r) {
        return "ghp_" + from(r, ALNUM, 36);
    }

    static String slackBotToken(Random r) {
        return "xoxb-" + ValidIds.digits(r, 11) + "-" + ValidIds.digits(r, 13) + "-" + from(r, ALNUM, 24);
    }

    static String stripeSecretKey(Random r) {
        return "sk_live_" + from(r, ALNUM, 24 + r.nextInt(76));
    }

    /** A JWT: a real HS256 or RS256 header, a small claims object, a random signature; all base64url. */
    static String jwt(Random r) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = r.nextBoolean() ? "{\"alg\":\"HS256\",\"typ\":\"JWT\"}" : "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + from(r, HEX, 8) + "\"}";
        String claims = "{\"sub\":\"" + (100000 + r.nextInt(900000)) + "\",\"iat\":" + (1_690_000_000L + r.nextInt(50_000_000))
                + ",\"scope\":\"" + ValidIds.pick(r, "read", "read write", "admin") + "\"}";
        byte[] signature = new byte[32];
        r.nextBytes(signature);
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(signature);
    }

    /** A password as people choose them: words, digits and a symbol, or a random string. No quotes, spaces or backslashes. */
    static String password(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> WORDS[r.nextInt(WORDS.length)] + ValidIds.pick(r, "!", "#", "$", "%", "&", "*", "?", "@") + (10 + r.nextInt(90))
                    + WORDS[r.nextInt(WORDS.length)].toLowerCase(Locale.ROOT);
            case 1 -> from(r, ALNUM + "!#$%&*+-=?@^_", 12 + r.nextInt(9));
            default -> WORDS[r.nextInt(WORDS.length)].toLowerCase(Locale.ROOT) + (1950 + r.nextInt(70)) + ValidIds.pick(r, "!", "?", "#", "");
        };
    }

    /** One of the issuer-shaped secrets, chosen at random. */
    static String apiSecret(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> awsAccessKeyId(r);
            case 1 -> githubToken(r);
            case 2 -> slackBotToken(r);
            case 3 -> stripeSecretKey(r);
            default -> jwt(r);
        };
    }

    static String hex(Random r, int count) {
        return from(r, HEX, count);
    }

    static String from(Random r, String alphabet, int count) {
        return ValidIds.from(r, alphabet, count);
    }
}
