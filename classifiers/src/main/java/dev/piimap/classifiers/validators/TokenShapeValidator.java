package dev.piimap.classifiers.validators;

import java.util.List;

/**
 * {@code token-shape}: a vendor token (AWS key id, GitHub, GitLab, Slack, Stripe, Google, OpenAI)
 * whose random part, after the vendor prefix, looks random: at least 16 characters, at least two of
 * lower-case letters, upper-case letters and digits, no character repeated more than five times in a
 * row. Documentation placeholders such as {@code ghp_xxxxxxxx...} or {@code AKIAXXXXXXXXXXXXXXXX} fail.
 * An AWS key id is base32 upper case, so about one in 28 real ones has no digit after its prefix
 * ({@code AKIAJHXXCGFAPSQXHAFB}): an AWS body of letters only passes when it looks drawn at random, at
 * least {@value #AWS_MIN_DISTINCT} different letters, at most {@value #AWS_MAX_VOWELS} vowels (words
 * have more: {@code ASIAPACIFICREGION...}) and no alphabet run of {@value #AWS_MAX_ALPHABET_RUN}+1
 * ({@code ABCDEF}).
 */
public final class TokenShapeValidator implements Validator {
    /** Vendor prefixes, longest first where one extends another. */
    static final List<String> PREFIXES = List.of("github_pat_", "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "glpat-",
            "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xoxo-", "sk_live_", "rk_live_", "sk-proj-", "sk-svcacct-",
            "sk-admin-", "sk-ant-", "sk-", "AKIA", "ASIA", "ABIA", "ACCA", "AIza");
    static final int MIN_RANDOM_LENGTH = 16;
    static final int AWS_MIN_DISTINCT = 8;
    static final int AWS_MAX_VOWELS = 6;
    static final int AWS_MAX_ALPHABET_RUN = 4;
    private static final List<String> AWS_PREFIXES = List.of("AKIA", "ASIA", "ABIA", "ACCA");

    @Override
    public String name() {
        return "token-shape";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        String vendor = "";
        for (String prefix : PREFIXES) {
            if (s.startsWith(prefix)) {
                vendor = prefix;
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
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
        if (classes == 1 && upper && AWS_PREFIXES.contains(vendor)) {
            return looksRandomUpperCase(s);
        }
        return classes >= 2;
    }

    /** Upper-case letters only: enough different letters, few vowels, no run such as ABCDE. */
    private static boolean looksRandomUpperCase(String s) {
        boolean[] seen = new boolean[26];
        int distinct = 0;
        int vowels = 0;
        int alphabetRun = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
            if (!seen[c - 'A']) {
                seen[c - 'A'] = true;
                distinct++;
            }
            if ("AEIOU".indexOf(c) >= 0) {
                vowels++;
            }
            alphabetRun = i > 0 && c == s.charAt(i - 1) + 1 ? alphabetRun + 1 : 1;
            if (alphabetRun > AWS_MAX_ALPHABET_RUN) {
                return false;
            }
        }
        return distinct >= AWS_MIN_DISTINCT && vowels <= AWS_MAX_VOWELS;
    }
}
