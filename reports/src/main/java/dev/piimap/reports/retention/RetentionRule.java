package dev.piimap.reports.retention;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One entry of {@code retention:} in retention.yaml: what it covers and how long that may be kept.
 *
 * <p>A rule applies to an asset (a table, or a file, embedded document, attachment or ticket) when every
 * selector it has matches: {@code categories} (the asset, or for a table one of its columns, holds a finding
 * of a listed data category or of one below it: {@code user.device} covers {@code user.device.ip_address}),
 * {@code sources} (globs on the source name) and {@code assets} (globs on the table {@code schema.table} or
 * the file path). Globs: {@code *} and {@code ?} stay within a {@code /}-separated part, {@code **} crosses
 * parts; case-sensitive. A rule without categories covers the matching assets whether or not they hold
 * findings.
 *
 * @param name       unique within the policy; reported with each violation
 * @param categories fideslang data categories (prefixes); empty: any
 * @param sources    source name globs; empty: any
 * @param assets     asset globs; empty: any
 * @param maxAge     how long the covered data may be kept
 * @param basis      free text naming where the rule comes from (a policy section), or null
 */
public record RetentionRule(String name, List<String> categories, List<String> sources, List<String> assets,
                            MaxAge maxAge, String basis) {
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    public RetentionRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxAge, "maxAge");
        categories = categories == null ? List.of() : List.copyOf(categories);
        sources = sources == null ? List.of() : List.copyOf(sources);
        assets = assets == null ? List.of() : List.copyOf(assets);
        if (categories.isEmpty() && sources.isEmpty() && assets.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " selects nothing: give categories, sources or assets");
        }
    }

    /** True when {@code ruleCategory} is {@code category} or one of its parents ({@code user.device} for {@code user.device.ip_address}). */
    public static boolean covers(String ruleCategory, String category) {
        return category.equals(ruleCategory) || category.startsWith(ruleCategory + ".");
    }

    /** True when this rule applies to an asset of {@code source} at {@code asset} holding findings of {@code assetCategories}. */
    public boolean appliesTo(String source, String asset, Collection<String> assetCategories) {
        return (sources.isEmpty() || sources.stream().anyMatch(g -> glob(g).matcher(source).matches()))
                && (assets.isEmpty() || assets.stream().anyMatch(g -> glob(g).matcher(asset).matches()))
                && (categories.isEmpty() || !covered(assetCategories).isEmpty());
    }

    /** The categories of {@code assetCategories} this rule covers (all of them for a rule without categories), sorted. */
    public Set<String> covered(Collection<String> assetCategories) {
        Set<String> out = new TreeSet<>();
        for (String c : assetCategories) {
            if (categories.isEmpty() || categories.stream().anyMatch(rc -> covers(rc, c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** A glob as a regular expression: {@code **} any characters, {@code *} any but {@code /}, {@code ?} one but {@code /}. */
    static Pattern glob(String glob) {
        return GLOBS.computeIfAbsent(glob, RetentionRule::compile);
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
