package dev.piimap.reports.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a privacy policy declares: which data categories are held for which purpose, and where. A
 * finding is allowed when one declaration covers its category in its place; anything else is drift,
 * with a {@link Severity} from {@code severityOverrides} or the built-in {@link Severity#DEFAULTS}.
 * Parsed and validated by {@link PolicyParser}; immutable and serializable, so Spark tasks can
 * evaluate it.
 *
 * @param name              the policy's title, for messages; may be empty
 * @param declared          in file order
 * @param severityOverrides category (or parent category) to severity; longest covering key wins
 */
public record Policy(String name, List<Declaration> declared, Map<String, Severity> severityOverrides)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Policy {
        Objects.requireNonNull(name, "name");
        declared = List.copyOf(declared);
        severityOverrides = Map.copyOf(severityOverrides);
    }

    /** True when some declaration allows {@code category} in {@code asset} of {@code source}. */
    public boolean allows(String source, String asset, String category) {
        return declared.stream().anyMatch(declaration -> declaration.allows(source, asset, category));
    }

    /** The severity of {@code category} found where the policy does not declare it. */
    public Severity severityOf(String category) {
        return Severity.of(category, severityOverrides);
    }

    /** Empty when the finding is allowed; else how severe the drift is. */
    public Optional<Severity> drift(String source, String asset, String category) {
        return allows(source, asset, category) ? Optional.empty() : Optional.of(severityOf(category));
    }

    /**
     * One line saying why a finding is drift, e.g. {@code CREDIT_CARD (user.financial.bank_account.credit_card)
     * is declared only for payment records in app-db: billing.*; found in file-share: logs/app.log}.
     */
    public String reason(String type, String category, String source, String asset) {
        List<Declaration> covering = declared.stream().filter(declaration -> declaration.covers(category)).toList();
        String declaredText = covering.isEmpty() ? "is not declared by the policy"
                : "is declared only for " + covering.stream().map(Declaration::describe).collect(Collectors.joining(", "));
        return type + " (" + category + ") " + declaredText + "; found in " + source + ": " + asset;
    }
}
