package dev.piimap.classifiers.validators;

/**
 * {@code pem-private-key}: a PEM private key block (or its beginning) whose body holds at least
 * {@value #MIN_BODY_CHARS} base64 characters, so that documentation stubs such as
 * {@code -----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----} fail. Header lines
 * ({@code Proc-Type: 4,ENCRYPTED}) and newlines written as {@code \n} inside JSON strings are ignored.
 */
public final class PemPrivateKeyValidator implements Validator {
    static final int MIN_BODY_CHARS = 64;

    @Override
    public String name() {
        return "pem-private-key";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString().replace("\\r", "\n").replace("\\n", "\n");
        int bodyStart = s.indexOf("-----", s.indexOf("PRIVATE KEY"));
        int bodyEnd = s.indexOf("-----END");
        if (bodyStart < 0) {
            return false;
        }
        String body = s.substring(bodyStart + 5, bodyEnd > bodyStart ? bodyEnd : s.length());
        int base64 = 0;
        for (String line : body.split("\n")) {
            if (line.indexOf(':') >= 0) {
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                    base64++;
                }
            }
        }
        return base64 >= MIN_BODY_CHARS;
    }
}
