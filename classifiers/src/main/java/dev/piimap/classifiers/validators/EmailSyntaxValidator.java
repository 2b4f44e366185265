package dev.piimap.classifiers.validators;

/**
 * {@code email-syntax}: the structural rules a pattern cannot cheaply express. Exactly one {@code @};
 * a local part of 1-64 characters that neither starts nor ends with a dot nor holds two dots in a
 * row; a domain of at most 253 characters whose labels are 1-63 characters, do not start or end with
 * a hyphen, and whose last label (the top-level domain) is 2-24 letters.
 */
public final class EmailSyntaxValidator implements Validator {
    static final int MAX_LOCAL = 64;
    static final int MAX_DOMAIN = 253;
    static final int MAX_LABEL = 63;
    static final int MAX_TLD = 24;

    @Override
    public String name() {
        return "email-syntax";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@')) {
            return false;
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.length() > MAX_LOCAL || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.length() < 2 || tld.length() > MAX_TLD) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            if (!Character.isLetter(tld.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
