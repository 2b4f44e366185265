package dev.piimap.classifiers.validators;

/**
 * {@code secret-value}: a value written after a token, key or secret label (or a bearer token) that
 * looks machine-generated: 8 to 4096 characters, not a placeholder (see {@link SecretValues}), holding
 * at least two of lower-case letters, upper-case letters and digits, with no character repeated more
 * than five times in a row. Words and counts ({@code max_tokens: 4096}, {@code token: refresh}) fail.
 */
public final class SecretValueValidator implements Validator {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 4096;

    @Override
    public String name() {
        return "secret-value";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String v = candidate.toString();
        if (v.length() < MIN_LENGTH || v.length() > MAX_LENGTH || SecretValues.isPlaceholder(v)
                || SecretValues.longestRun(v) > 5) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) >= 2;
    }
}
