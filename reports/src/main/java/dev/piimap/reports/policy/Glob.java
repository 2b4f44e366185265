package dev.piimap.reports.policy;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A source or asset glob of a policy file, matched against the whole name, case-insensitively:
 * {@code *} matches any characters but {@code /} (so {@code accounts.*} matches the column
 * {@code accounts.customers.email}, and {@code logs/*} the file {@code logs/app.log} but not
 * {@code logs/2026/app.log}); {@code **} matches any characters, {@code /} included, and {@code **}{@code /}
 * also matches no folder at all ({@code **}{@code /*.log} matches {@code app.log}); {@code ?} matches one
 * character but {@code /}. Every other character stands for itself.
 *
 * <p>Something inside a file ({@code outer!/inner}, CONTRACT.md section 6) is matched by
 * {@link #matchesAsset} when the glob matches it or any of its outer files, so a glob for an archive or
 * an e-mail covers its entries and attachments.
 */
public final class Glob implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String EMBEDDED = "!/";

    private final String text;
    private final Pattern pattern;

    private Glob(String text) {
        this.text = Objects.requireNonNull(text, "text");
        this.pattern = Pattern.compile(toRegex(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Compiles a glob; never fails: characters without a glob meaning are literal. */
    public static Glob of(String text) {
        return new Glob(text);
    }

    /** The glob as written. */
    public String text() {
        return text;
    }

    /** True when the glob matches all of {@code name}. */
    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    /** True when the glob matches {@code asset} or one of the files it lies inside ({@code a.zip} for {@code a.zip!/b.log}). */
    public boolean matchesAsset(String asset) {
        if (matches(asset)) {
            return true;
        }
        for (int at = asset.indexOf(EMBEDDED); at > 0; at = asset.indexOf(EMBEDDED, at + 1)) {
            if (matches(asset.substring(0, at))) {
                return true;
            }
        }
        return false;
    }

    /** Globs are equal when written alike. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (c == '?') {
                regex.append("[^/]");
            } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean folders = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(folders ? "(?:.*/)?" : ".*");
                i += folders ? 2 : 1;
            } else {
                regex.append("[^/]*");
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
