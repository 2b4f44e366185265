package dev.piimap.reports.policy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How bad a finding outside the places a policy declares for its category is; declared in order, worst
 * first. A policy's {@code severity:} overrides come before {@link #DEFAULTS}; within each, the longest
 * category prefix that covers the finding's category decides.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** The severity of a category that no override and no default names. */
    public static final Severity FALLBACK = MEDIUM;

    /**
     * Built-in severities by category prefix: secrets, card numbers and government IDs are critical;
     * other financial data, birth dates and precise locations high; contact data and names medium;
     * device telemetry low.
     */
    public static final Map<String, Severity> DEFAULTS = defaults();

    /** {@code critical}, {@code high}, {@code medium} or {@code low}: the name in policy files and output. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named {@code text} ({@link #wireName()}, any case), if there is one. */
    public static Optional<Severity> parse(String text) {
        for (Severity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(text.trim())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /** The severity of {@code category}: the longest covering prefix of the overrides, else of the defaults. */
    static Severity of(String category, Map<String, Severity> overrides) {
        return longestCovering(category, overrides)
                .or(() -> longestCovering(category, DEFAULTS))
                .orElse(FALLBACK);
    }

    private static Optional<Severity> longestCovering(String category, Map<String, Severity> table) {
        String best = null;
        for (String prefix : table.keySet()) {
            if (Categories.covers(prefix, category) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best).map(table::get);
    }

    private static Map<String, Severity> defaults() {
        Map<String, Severity> table = new LinkedHashMap<>();
        table.put("user.authorization", CRITICAL);
        table.put("user.government_id", CRITICAL);
        table.put("user.financial.bank_account.credit_card", CRITICAL);
        table.put("user.financial", HIGH);
        table.put("user.demographic", HIGH);
        table.put("user.location", HIGH);
        table.put("user.contact", MEDIUM);
        table.put("user.name", MEDIUM);
        table.put("user.device", LOW);
        return Map.copyOf(table);
    }
}
