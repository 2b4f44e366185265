package dev.piimap.classifiers.validators;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * {@code url-with-pii}: an http(s) URL with a host that carries personal data or a secret: an e-mail
 * address anywhere in its path, query or fragment (also percent-encoded, {@code %40}), or a query,
 * fragment or path parameter named like a secret ({@link #SECRET_PARAMETERS}: {@code token},
 * {@code access_token}, {@code api_key}, {@code password}, {@code sig}, {@code session}, ...) with a
 * value of at least {@value #MIN_SECRET_VALUE} characters that is not a placeholder.
 */
public final class UrlWithPiiValidator implements Validator {
    static final int MAX_URL_CHARS = 8192;
    static final int MIN_SECRET_VALUE = 6;
    static final Set<String> SECRET_PARAMETERS = Set.of(
            "token", "access_token", "accesstoken", "id_token", "refresh_token", "auth_token", "authtoken",
            "session_token", "reset_token", "invite_token", "api_key", "apikey", "api-key", "key", "secret",
            "client_secret", "password", "passwd", "pwd", "pass", "sig", "signature", "x-amz-signature",
            "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential", "session",
            "sessionid", "session_id", "sid", "jsessionid", "phpsessid", "auth", "otp", "code_verifier");
    private static final EmailSyntaxValidator EMAIL = new EmailSyntaxValidator();

    @Override
    public String name() {
        return "url-with-pii";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String url = candidate.toString();
        if (url.length() > MAX_URL_CHARS) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int schemeEnd = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (schemeEnd < 0) {
            return false;
        }
        int pathStart = firstOf(url, "/?#;", schemeEnd);
        String authority = url.substring(schemeEnd, pathStart);
        if (authority.isEmpty() || authority.indexOf('@') >= 0 && authority.lastIndexOf('@') == authority.length() - 1) {
            return false;
        }
        String rest = url.substring(pathStart);
        return holdsEmail(rest) || holdsSecretParameter(rest);
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean holdsEmail(String rest) {
        String decoded = decode(rest);
        for (String part : decoded.split("[/?#&;=,]")) {
            if (part.indexOf('@') > 0 && EMAIL.isValid(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsSecretParameter(String rest) {
        for (String pair : rest.split("[?#&;]")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = decode(pair.substring(eq + 1));
            if (SECRET_PARAMETERS.contains(name) && value.length() >= MIN_SECRET_VALUE && !SecretValues.isPlaceholder(value)) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
