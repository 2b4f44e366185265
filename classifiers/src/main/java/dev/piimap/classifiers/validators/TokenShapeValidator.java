package dev.piimap.classifiers.validators;

import java.util.List;

/**
 * {@code token-shape}: a vendor token (AWS key id, GitHub, GitLab, Slack, Stripe, Google, OpenAI)
 * whose random part, after the vendor prefix, looks random: at least 16 characters, at least two of
 * lower-case letters, upper-case letters and digits, no character repeated more than five times in a
 * row. Documentation placeholders such as {@code ghp_xxxxxxxx...} or {@code AKIAXXXXXXXXXXXXXXXX} fail.
 */
public final class TokenShapeValidator implements Validator {
    /** Vendor prefixes, longest first where one extends another. */
    static final List<String> PREFIXES = List.of("github_pat_", "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "glpat-",
            "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xoxo-", "sk_live_", "rk_live_", "sk-proj-", "sk-svcacct-",
            "sk-admin-", "sk-ant-", "sk-", "AKIA", "ASIA", "ABIA", "ACCA", "AIza");
    static final int MIN_RANDOM_LENGTH = 16;

    @Override
    public String name() {
        return "token-shape";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        for (String prefix : PREFIXES) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        if (s.length() < MIN_RANDOM_LENGTH || SecretValues.longestRun(s) > 5) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) >= 2;
    }
}
