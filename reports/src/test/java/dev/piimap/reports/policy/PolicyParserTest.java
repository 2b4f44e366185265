package dev.piimap.reports.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PolicyParserTest {
    private static final String KNOWN = String.join(", ", Categories.known());

    private final PolicyParser parser = new PolicyParser();

    @Test
    void readsEveryPartOfAPolicy() {
        Policy policy = parser.parse("""
                policy: Example Cloud privacy policy (2025)
                declared:
                  - purpose: account details
                    categories: [user.name, user.contact.email]
                    where: {sources: ["app-db"], assets: ["accounts.*"]}
                  - purpose: support records
                    categories: user.contact
                    where:
                      - {sources: [helpdesk]}
                      - {assets: ["support/**"]}
                  - purpose: telemetry
                    categories: [user.device]
                severity:
                  user.device.ip_address: medium
                  user.contact: HIGH
                """);

        assertThat(policy.name()).isEqualTo("Example Cloud privacy policy (2025)");
        assertThat(policy.declared()).containsExactly(
                new Declaration("account details", List.of("user.name", "user.contact.email"),
                        List.of(new Place(List.of(Glob.of("app-db")), List.of(Glob.of("accounts.*"))))),
                new Declaration("support records", List.of("user.contact"), List.of(
                        new Place(List.of(Glob.of("helpdesk")), List.of()),
                        new Place(List.of(), List.of(Glob.of("support/**"))))),
                new Declaration("telemetry", List.of("user.device"), List.of()));
        assertThat(policy.severityOverrides()).isEqualTo(Map.of(
                "user.device.ip_address", Severity.MEDIUM, "user.contact", Severity.HIGH));
    }

    @Test
    void titleAndSeverityAreOptional() {
        Policy policy = parser.parse("declared: [{purpose: all of it, categories: [user]}]");

        assertThat(policy.name()).isEmpty();
        assertThat(policy.severityOverrides()).isEmpty();
        assertThat(policy.declared()).singleElement().satisfies(d -> assertThat(d.places()).isEmpty());
    }

    @Test
    void theShippedAhuraSensePolicyParses() {
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("../policies/ahurasense-policy.yaml").normalize();

        Policy policy = parser.load(file);

        assertThat(policy.name()).contains("AhuraSense Cloud");
        assertThat(policy.declared()).extracting(Declaration::purpose).containsExactly("account details",
                "payment and transaction records", "operational telemetry", "audit events",
                "support and communication records");
        assertThat(policy.allows("app-db", "billing.payments.iban", "user.financial.bank_account")).isTrue();
        assertThat(policy.allows("file-share", "logs/app-2026-11-28.log", "user.financial.bank_account.credit_card")).isFalse();
        assertThat(policy.allows("app-db", "accounts.customers.date_of_birth", "user.demographic.date_of_birth")).isFalse();
    }

    @Test
    void aMissingFileIsAPolicyError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> parser.load(missing))
                .isInstanceOf(PolicyException.class)
                .hasMessage("policy error: (file): file not found (value: '" + missing
                        + "'); fix: pass the path of an existing policy file");
    }

    @Test
    void loadReadsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "policy: Politique de confidentialité\ndeclared: [{purpose: comptes, categories: [user.name]}]\n");

        assertThat(parser.load(file).name()).isEqualTo("Politique de confidentialité");
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                arguments("not YAML", "policy: x\ndeclared: {a: b: c}\n",
                        "policy error: (file): not valid YAML at line 2; fix: fix the YAML syntax"),
                arguments("not a mapping", "- purpose: x\n",
                        "policy error: (file): must be a YAML mapping with the keys policy, declared and severity; "
                                + "fix: start from policies/ahurasense-policy.yaml or the example in the README"),
                arguments("duplicate key", "declared: [{purpose: a, categories: [user]}]\ndeclared: []\n",
                        "policy error: (file): duplicate key 'declared' at line 2; fix: write each key once"),
                arguments("unknown top key", "policy: x\ndeclare: []\n",
                        "policy error: declare: unknown key; fix: remove it or correct the spelling; "
                                + "known keys here: declared, policy, severity"),
                arguments("no declared", "policy: x\n",
                        "policy error: declared: missing required key; fix: list what the policy declares, "
                                + "e.g. declared: [{purpose: account details, categories: [user.name]}]"),
                arguments("empty declared", "declared: []\n",
                        "policy error: declared: must be a non-empty list; fix: list what the policy declares, "
                                + "e.g. declared: [{purpose: account details, categories: [user.name]}]"),
                arguments("declaration not a mapping", "declared: [account details]\n",
                        "policy error: declared[0]: must be a mapping; fix: write - {purpose: ..., categories: [...], where: ...}"),
                arguments("unknown declaration key", "declared: [{purpose: a, categories: [user], were: {sources: [x]}}]\n",
                        "policy error: declared[0].were: unknown key; fix: remove it or correct the spelling; "
                                + "known keys here: categories, purpose, where"),
                arguments("no purpose", "declared: [{categories: [user.name]}]\n",
                        "policy error: declared[0].purpose: missing required key; fix: say what the data is held for, "
                                + "e.g. purpose: account details"),
                arguments("no categories", "declared: [{purpose: a}]\n",
                        "policy error: declared[0].categories: missing required key; fix: list categories, "
                                + "e.g. categories: [user.contact.email]"),
                arguments("empty categories", "declared: [{purpose: a, categories: []}]\n",
                        "policy error: declared[0].categories: must be a non-empty list; fix: list categories, "
                                + "e.g. categories: [user.contact.email]"),
                arguments("unknown category", "declared:\n  - {purpose: a, categories: [user.name]}\n"
                                + "  - {purpose: b, categories: [user.contact, user.financial.credit_card]}\n",
                        "policy error: declared[1].categories[1]: unknown data category (value: 'user.financial.credit_card'); "
                                + "fix: use one of: " + KNOWN),
                arguments("unknown place key", "declared: [{purpose: a, categories: [user], where: {source: [app-db]}}]\n",
                        "policy error: declared[0].where.source: unknown key; fix: remove it or correct the spelling; "
                                + "known keys here: assets, sources"),
                arguments("empty place", "declared: [{purpose: a, categories: [user], where: {}}]\n",
                        "policy error: declared[0].where: names no sources and no assets; fix: add sources: [...] "
                                + "and/or assets: [...], or remove where: to allow the categories anywhere"),
                arguments("empty where list", "declared: [{purpose: a, categories: [user], where: []}]\n",
                        "policy error: declared[0].where: must be a place {sources: [...], assets: [...]} or a non-empty "
                                + "list of places; fix: write where: {assets: [\"billing.*\"]}, or remove where: to allow "
                                + "the categories anywhere"),
                arguments("place in a list not a mapping", "declared: [{purpose: a, categories: [user], where: [app-db]}]\n",
                        "policy error: declared[0].where[0]: must be a mapping; fix: write - {sources: [\"app-db\"], "
                                + "assets: [\"billing.*\"]}"),
                arguments("empty glob list", "declared: [{purpose: a, categories: [user], where: {assets: []}}]\n",
                        "policy error: declared[0].where.assets: must be a non-empty list; fix: write a list of globs, "
                                + "e.g. [\"billing.*\", \"logs/**\"]"),
                arguments("blank glob", "declared: [{purpose: a, categories: [user], where: {sources: [\"app-db\", \" \"]}}]\n",
                        "policy error: declared[0].where.sources[1]: must be a non-empty text; fix: write a list of globs, "
                                + "e.g. [\"billing.*\", \"logs/**\"]"),
                arguments("severity not a mapping", "declared: [{purpose: a, categories: [user]}]\nseverity: high\n",
                        "policy error: severity: must be a mapping (value: 'high'); fix: write severity: {user.financial: high}"),
                arguments("unknown severity category", "declared: [{purpose: a, categories: [user]}]\nseverity: {user.shoe_size: low}\n",
                        "policy error: severity.user.shoe_size: unknown data category (value: 'user.shoe_size'); "
                                + "fix: use one of: " + KNOWN),
                arguments("unknown severity", "declared: [{purpose: a, categories: [user]}]\nseverity: {user.name: severe}\n",
                        "policy error: severity.user.name: unknown severity (value: 'severe'); "
                                + "fix: use one of: critical, high, medium, low"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void rejectsABadPolicyWithOneLineNamingKeyValueAndFix(String variant, String yaml, String expected) {
        assertThatThrownBy(() -> parser.parse(yaml))
                .isInstanceOf(PolicyException.class)
                .hasMessage(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theExceptionKeepsItsParts() {
        assertThatThrownBy(() -> parser.parse("declared: [{purpose: a, categories: [user.x]}]"))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.key()).isEqualTo("declared[0].categories[0]");
                    assertThat(e.value()).isEqualTo("user.x");
                    assertThat(e.problem()).isEqualTo("unknown data category");
                    assertThat(e.fix()).startsWith("use one of: user, user.authorization, ");
                });
    }
}
