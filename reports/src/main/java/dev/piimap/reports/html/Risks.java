package dev.piimap.reports.html;

import dev.piimap.reports.html.ReportData.FindingRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report's "risks first" rules: which findings and outcomes deserve attention before the
 * inventory. Each rule is a few lines here; the report lists what they return, most severe first.
 */
final class Risks {
    enum Severity { HIGH, MEDIUM, LOW }

    /** One risk: a title, why it matters, and up to {@link #MAX_PLACES} places (source: asset). */
    record Risk(Severity severity, String title, String why, List<String> places, long placesTotal) {
    }

    static final int MAX_PLACES = 10;

    /** Types whose presence is a risk on its own, wherever found. */
    static final Set<String> SENSITIVE_TYPES = Set.of("CREDIT_CARD", "US_SSN", "CREDENTIAL");

    /**
     * A source (or a column's schema/table) that is obviously about payments: card numbers there are
     * expected, though still in scope of PCI DSS. File names are not trusted for this.
     */
    static final Pattern PAYMENT_PLACE = Pattern.compile(
            "(?i)(pay|billing|card|checkout|pci|invoice|stripe|adyen|braintree|transaction)");

    private Risks() {
    }

    static List<Risk> assess(ReportData data) {
        List<Risk> risks = new ArrayList<>();
        List<FindingRow> cards = ofType(data, "CREDIT_CARD");
        List<FindingRow> strayCards = cards.stream().filter(row -> !isPaymentPlace(row)).toList();
        addIfAny(risks, Severity.HIGH, "Card numbers outside payment systems",
                "Full card numbers (PANs) were found where no payment system is expected, such as support "
                        + "tickets, files or application tables. They bring those places into PCI DSS scope.",
                strayCards);
        addIfAny(risks, Severity.HIGH, "Credentials stored in data",
                "Passwords, API keys or access tokens are stored as data. Rotate them and remove the copies.",
                ofType(data, "CREDENTIAL"));
        addIfAny(risks, Severity.HIGH, "US social security numbers",
                "Social security numbers enable identity theft; keep them only where required, encrypted.",
                ofType(data, "US_SSN"));
        addIfAny(risks, Severity.MEDIUM, "Card numbers in payment systems",
                "Card numbers where payments are handled: confirm they are encrypted or tokenised.",
                cards.stream().filter(Risks::isPaymentPlace).toList());
        long errors = data.assetsWithStatus("error");
        if (errors > 0) {
            risks.add(new Risk(Severity.MEDIUM, "Assets that could not be read",
                    "These assets were not classified, so personal data in them is unknown. See the outcomes below.",
                    outcomePlaces(data, Set.of("error")), errors));
        }
        long partial = data.assetsWithStatus("truncated") + data.assetsWithStatus("skipped");
        if (partial > 0) {
            risks.add(new Risk(Severity.LOW, "Assets read in part or skipped",
                    "A limit cut these assets short or they were not read; their findings may be incomplete.",
                    outcomePlaces(data, Set.of("truncated", "skipped")), partial));
        }
        risks.sort(Comparator.comparing(Risk::severity));
        return risks;
    }

    /**
     * Policy drift as risks: one per policy severity with violations, critical and high drift as {@code HIGH},
     * medium as {@code MEDIUM}, low as {@code LOW}; places name the type found, worst (most matches) first.
     */
    static List<Risk> undeclared(List<dev.piimap.reports.policy.Violation> violations, String policyName) {
        List<Risk> risks = new ArrayList<>();
        for (dev.piimap.reports.policy.Severity level : dev.piimap.reports.policy.Severity.values()) {
            List<String> places = violations.stream().filter(v -> v.severity() == level)
                    .map(v -> v.source() + ": " + v.asset() + " (" + v.type() + ")").distinct().toList();
            if (places.isEmpty()) {
                continue;
            }
            Severity severity = switch (level) {
                case CRITICAL, HIGH -> Severity.HIGH;
                case MEDIUM -> Severity.MEDIUM;
                case LOW -> Severity.LOW;
            };
            risks.add(new Risk(severity, "Personal data the privacy policy does not declare (" + level.wireName() + ")",
                    "Found where " + (policyName == null ? "the policy" : "\u201c" + policyName + "\u201d")
                            + " does not declare this kind of data: remove it, or update the policy and its notice.",
                    places.stream().limit(MAX_PLACES).toList(), places.size()));
        }
        return risks;
    }

    /**
     * Retention violations as one {@code MEDIUM} risk (kept too long is a compliance gap, not an exposure by itself);
     * places say which rule and by how much, worst first as the check orders them.
     */
    static List<Risk> keptTooLong(List<dev.piimap.reports.retention.RetentionViolation> violations) {
        if (violations.isEmpty()) {
            return List.of();
        }
        List<String> places = violations.stream()
                .map(v -> v.source() + ": " + v.asset() + " (" + v.rule() + ", max " + v.maxAge() + ": " + v.reason() + ")")
                .toList();
        return List.of(new Risk(Severity.MEDIUM, "Data kept longer than the retention policy allows",
                "These tables hold rows, and these files data, older than their retention rule allows: delete or "
                        + "anonymise what is past its time, or record why it must be kept.",
                places.stream().limit(MAX_PLACES).toList(), places.size()));
    }

    static boolean isPaymentPlace(FindingRow row) {
        return PAYMENT_PLACE.matcher(row.source()).find()
                || ("column".equals(row.assetKind()) && PAYMENT_PLACE.matcher(row.asset()).find());
    }

    private static List<FindingRow> ofType(ReportData data, String type) {
        return data.sensitiveFindings().stream().filter(row -> type.equals(row.type())).toList();
    }

    private static void addIfAny(List<Risk> risks, Severity severity, String title, String why,
                                 List<FindingRow> rows) {
        if (!rows.isEmpty()) {
            List<String> places = rows.stream().map(row -> row.source() + ": " + row.asset()).distinct().toList();
            risks.add(new Risk(severity, title, why, places.stream().limit(MAX_PLACES).toList(), places.size()));
        }
    }

    private static List<String> outcomePlaces(ReportData data, Set<String> statuses) {
        return data.outcomes().stream()
                .filter(row -> statuses.contains(row.status()))
                .map(row -> row.source() + ": " + row.asset())
                .limit(MAX_PLACES)
                .toList();
    }
}
