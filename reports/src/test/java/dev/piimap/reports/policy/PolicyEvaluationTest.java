package dev.piimap.reports.policy;

import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyEvaluationTest {
    private static final Policy POLICY = new PolicyParser().parse("""
            policy: test policy
            declared:
              - purpose: account details
                categories: [user.name, user.contact]
                where: {sources: [app-db], assets: ["accounts.*"]}
              - purpose: payment records
                categories: [user.financial]
                where: {sources: [app-db], assets: ["billing.*", "payments.*"]}
              - purpose: support records
                categories: [user.contact.email]
                where:
                  - {sources: [helpdesk]}
                  - {sources: [share], assets: ["support/**"]}
              - purpose: telemetry
                categories: [user.device]
            """);

    @Test
    void categoriesAreEveryTypesCategoryAndItsParents() {
        assertThat(Categories.known())
                .contains("user", "user.contact", "user.contact.email", "user.financial.bank_account",
                        "user.financial.bank_account.credit_card", "user.government_id.passport_number")
                .doesNotContain("user.financial.credit_card", "user.contact.email.work", "");
        for (EntityType type : EntityType.values()) {
            assertThat(Categories.isKnown(type.category())).as(type.name()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "user.contact, user.contact.email, true",
            "user.contact, user.contact, true",
            "user, user.financial.bank_account.credit_card, true",
            "user.financial.bank_account, user.financial.bank_account.credit_card, true",
            "user.financial.bank_account.credit_card, user.financial.bank_account, false",
            "user.contact, user.contactless, false",
            "user.contact.email, user.contact, false"})
    void aCategoryCoversItselfAndWhatLiesBelowIt(String declared, String found, boolean expected) {
        assertThat(Categories.covers(declared, found)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} in {0}: {2}: {3}")
    @CsvSource({
            "app-db, accounts.customers.email, user.contact.email, true",
            "app-db, accounts.customers.phone, user.contact.phone_number, true",
            "app-db, accounts.customers.date_of_birth, user.demographic.date_of_birth, false",
            "app-db, billing.payments.note, user.financial.bank_account.credit_card, true",
            "app-db, billing.payments.note, user.contact.email, false",
            "share, billing.csv, user.financial.bank_account, false",
            "helpdesk, tickets/7, user.contact.email, true",
            "helpdesk, tickets/7, user.contact.phone_number, false",
            "share, support/a.eml!/notes.txt, user.contact.email, true",
            "share, logs/app.log, user.contact.email, false",
            "share, logs/app.log, user.device.ip_address, true",
            "anything, any/where, user.device.browser, true",
            "app-db, accounts.customers.api_key, user.authorization.credentials, false"})
    void allowsACategoryOnlyWhereADeclarationCoversItsPlace(String source, String asset, String category,
                                                           boolean allowed) {
        assertThat(POLICY.allows(source, asset, category)).isEqualTo(allowed);
        assertThat(POLICY.drift(source, asset, category).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "user.authorization.credentials, CRITICAL",
            "user.government_id.national_identification_number, CRITICAL",
            "user.government_id.passport_number, CRITICAL",
            "user.financial.bank_account.credit_card, CRITICAL",
            "user.financial.bank_account, HIGH",
            "user.financial, HIGH",
            "user.demographic.date_of_birth, HIGH",
            "user.location.precise, HIGH",
            "user.contact.email, MEDIUM",
            "user.contact.url, MEDIUM",
            "user.name, MEDIUM",
            "user.device.ip_address, LOW",
            "user.device.browser, LOW",
            "user.device.device_id, LOW"})
    void defaultSeverities(String category, Severity expected) {
        assertThat(POLICY.severityOf(category)).isEqualTo(expected);
    }

    @Test
    void severitiesAreOrderedWorstFirst() {
        assertThat(Severity.values()).containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(Severity.DEFAULTS.keySet()).allSatisfy(category -> assertThat(Categories.isKnown(category)).isTrue());
    }

    @Test
    void overridesComeBeforeDefaultsAndTheLongestCoveringKeyWins() {
        Map<String, Severity> overrides = Map.of("user.financial", Severity.LOW, "user.device.ip_address", Severity.HIGH,
                "user", Severity.MEDIUM);

        assertThat(Severity.of("user.financial.bank_account.credit_card", overrides)).isEqualTo(Severity.LOW);
        assertThat(Severity.of("user.device.ip_address", overrides)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of("user.device.browser", overrides)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of("user.device.browser", Map.of())).isEqualTo(Severity.LOW);
        assertThat(Severity.of("user.government_id", Map.of())).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of("user", Map.of())).isEqualTo(Severity.FALLBACK);
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void severityNamesRoundTrip(Severity severity) {
        assertThat(Severity.parse(severity.wireName())).contains(severity);
        assertThat(Severity.parse(" " + severity.name() + " ")).contains(severity);
    }

    @Test
    void reasonSaysWhereTheCategoryIsDeclaredAndWhereItWasFound() {
        assertThat(POLICY.reason("CREDIT_CARD", "user.financial.bank_account.credit_card", "share", "logs/app.log"))
                .isEqualTo("CREDIT_CARD (user.financial.bank_account.credit_card) is declared only for payment records "
                        + "in app-db: billing.*, payments.*; found in share: logs/app.log");
        assertThat(POLICY.reason("EMAIL_ADDRESS", "user.contact.email", "share", "logs/app.log"))
                .isEqualTo("EMAIL_ADDRESS (user.contact.email) is declared only for account details in app-db: accounts.*, "
                        + "support records in [helpdesk] or [share: support/**]; found in share: logs/app.log");
        assertThat(POLICY.reason("US_SSN", "user.government_id.national_identification_number", "helpdesk", "tickets/7/id.docx"))
                .isEqualTo("US_SSN (user.government_id.national_identification_number) is not declared by the policy; "
                        + "found in helpdesk: tickets/7/id.docx");
    }

    @Test
    void aPolicySurvivesJavaSerializationAsSparkTasksReceiveIt() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(POLICY);
        }
        Policy copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Policy) in.readObject();
        }

        assertThat(copy).isEqualTo(POLICY);
        assertThat(copy.allows("share", "support/a.eml", "user.contact.email")).isTrue();
        assertThat(copy.allows("share", "logs/a.log", "user.contact.email")).isFalse();
    }
}
