package dev.piimap.classifiers.validators;

/**
 * {@code password-value}: a value written after a password label (or in a connection string) that is
 * a password, not a placeholder (see {@link SecretValues}): 4 to 200 characters, and either holding a
 * digit or a symbol, or an upper-case letter after the first character, or at least 10 characters.
 * Prose such as "Password: Reset" fails; {@code hunter2}, {@code S3cr3t!} and
 * {@code correcthorsebattery} pass.
 */
public final class PasswordValueValidator implements Validator {
    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 200;
    static final int MIN_PLAIN_WORD_LENGTH = 10;

    @Override
    public String name() {
        return "password-value";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String v = candidate.toString();
        if (v.length() < MIN_LENGTH || v.length() > MAX_LENGTH || SecretValues.isPlaceholder(v)) {
            return false;
        }
        if (v.length() >= MIN_PLAIN_WORD_LENGTH) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Character.isLetter(c) || (i > 0 && Character.isUpperCase(c))) {
                return true;
            }
        }
        return false;
    }
}
