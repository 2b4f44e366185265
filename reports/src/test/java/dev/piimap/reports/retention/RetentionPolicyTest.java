package dev.piimap.reports.retention;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {
    /** The categories the scanner's entity types report (EntityType in the classifiers module). */
    static final Set<String> KNOWN = Set.of("user.name", "user.contact.email", "user.contact.phone_number",
            "user.contact.address", "user.device.ip_address", "user.device.device_id", "user.device.browser",
            "user.financial.bank_account.credit_card", "user.financial.bank_account", "user.financial",
            "user.government_id.national_identification_number", "user.demographic.date_of_birth",
            "user.authorization.credentials", "user.government_id.passport_number", "user.location.precise",
            "user.contact.url");

    @Test
    void readsRulesWithTheirSelectorsInFileOrder() {
        RetentionPolicy policy = RetentionPolicy.parse("""
                retention:
                  - name: telemetry
                    categories: [user.device]
                    max-age: 13 months
                  - name: support attachments
                    sources: ["helpdesk*"]
                    max-age: 24 months
                    basis: privacy policy, section 7
                  - name: payment records
                    categories: [user.financial, user.government_id]
                    assets: ["billing.*", "exports/**"]
                    max-age: 7 years
                  - name: everything
                    categories: [user]
                    max-age: 1 day
                """, KNOWN);

        assertThat(policy.rules()).extracting(RetentionRule::name)
                .containsExactly("telemetry", "support attachments", "payment records", "everything");
        RetentionRule payments = policy.rules().get(2);
        assertThat(payments.categories()).containsExactly("user.financial", "user.government_id");
        assertThat(payments.assets()).containsExactly("billing.*", "exports/**");
        assertThat(payments.maxAge()).isEqualTo(new MaxAge(7, MaxAge.Unit.YEAR));
        assertThat(policy.rules().get(1).basis()).isEqualTo("privacy policy, section 7");
        assertThat(policy.rules().get(1).sources()).containsExactly("helpdesk*");
        assertThat(policy.rules().get(3).maxAge()).hasToString("1 day");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            90 days      | 90 | DAY   | 2026-09-01
            1 week       | 1  | WEEK  | 2026-11-23
            13 months    | 13 | MONTH | 2025-10-30
            13 Months    | 13 | MONTH | 2025-10-30
            7 years      | 7  | YEAR  | 2019-11-30
            24month      | 24 | MONTH | 2024-11-30
            """)
    void readsDurationsAndCountsCalendarUnitsBackFromTheDay(String text, int amount, MaxAge.Unit unit, LocalDate cutoff) {
        MaxAge age = MaxAge.parse(text);

        assertThat(age).isEqualTo(new MaxAge(amount, unit));
        assertThat(age.cutoff(LocalDate.of(2026, 11, 30))).isEqualTo(cutoff);
        assertThat(MaxAge.parse(age.toString())).isEqualTo(age);
    }

    @Test
    void aMonthBackFromTheLastDayOfALongerMonthIsTheShorterMonthsLastDay() {
        assertThat(MaxAge.parse("1 month").cutoff(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not yaml             | 'retention: [ {name: a'                                                    | (file): not valid YAML at line
            not a mapping        | '- a'                                                                      | (file): must be a YAML mapping with the key retention; fix:
            unknown top key      | 'rules: []'                                                                | rules: unknown key; fix: remove it or correct the spelling; known keys here: retention
            empty retention      | 'retention: []'                                                            | retention: must be a non-empty list of rules; fix:
            rule not a mapping   | 'retention: [telemetry]'                                                   | retention[0]: must be a mapping (value: 'telemetry'); fix:
            unknown rule key     | 'retention: [{name: a, categories: [user.device], max-age: 1 day, maxage: 2}]' | retention[0].maxage: unknown key; fix: remove it or correct the spelling; known keys here: assets, basis, categories, max-age, name, sources
            missing name         | 'retention: [{categories: [user.device], max-age: 1 day}]'                 | retention[0].name: missing required key; fix: give the rule a name
            missing max-age      | 'retention: [{name: a, categories: [user.device]}]'                        | retention[0].max-age: missing required key; fix: write max-age: 90 days, 13 months or 7 years
            misspelt unit        | 'retention: [{name: a, categories: [user.device], max-age: 13 monts}]'     | retention[0].max-age: not a duration of 1 to 100000 days, weeks, months or years (value: '13 monts'); fix: write max-age: 90 days
            number without unit  | 'retention: [{name: a, categories: [user.device], max-age: 90}]'           | retention[0].max-age: not a duration of 1 to 100000 days, weeks, months or years (value: '90'); fix:
            zero age             | 'retention: [{name: a, categories: [user.device], max-age: 0 days}]'       | retention[0].max-age: not a duration of 1 to 100000 days, weeks, months or years (value: '0 days')
            unknown category     | 'retention: [{name: a, categories: [user.device, user.biometric], max-age: 1 day}]' | retention[0].categories[1]: unknown data category: no detector reports it or a category below it (value: 'user.biometric'); fix: use a fideslang category such as user.authorization, user.contact, user.demographic
            too narrow category  | 'retention: [{name: a, categories: [user.device.cookie_id], max-age: 1 day}]' | retention[0].categories[0]: unknown data category: no detector reports it or a category below it (value: 'user.device.cookie_id')
            category prefix text | 'retention: [{name: a, categories: [user.dev], max-age: 1 day}]'           | retention[0].categories[0]: unknown data category
            categories not list  | 'retention: [{name: a, categories: user.device, max-age: 1 day}]'          | retention[0].categories: must be a non-empty list (value: 'user.device'); fix: write categories: [user.device]
            empty sources        | 'retention: [{name: a, sources: [], max-age: 1 day}]'                      | retention[0].sources: must be a non-empty list; fix: write sources: [
            blank asset glob     | 'retention: [{name: a, assets: [" "], max-age: 1 day}]'                  | retention[0].assets[0]: must be a non-empty text value (value: ' '); fix: write assets:
            selects nothing      | 'retention: [{name: a, max-age: 1 day}]'                                   | retention[0]: selects nothing (value: 'a'); fix: add categories, sources or assets
            duplicate name       | 'retention: [{name: a, sources: [x], max-age: 1 day}, {name: a, sources: [y], max-age: 2 days}]' | retention[1].name: duplicate rule name (value: 'a'); fix: give every rule a unique name
            name not text        | 'retention: [{name: [a], sources: [x], max-age: 1 day}]'                   | retention[0].name: must be a non-empty text value; fix:
            """)
    void rejectsBadPoliciesWithOneLineNamingKeyValueAndFix(String label, String yaml, String expected) {
        assertThatThrownBy(() -> RetentionPolicy.parse(yaml, KNOWN))
                .isInstanceOf(RetentionPolicyException.class)
                .hasMessageStartingWith("policy error: ")
                .hasMessageContaining(expected)
                .hasMessageContaining("; fix: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFileIsAPolicyErrorNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> RetentionPolicy.load(dir.resolve("nope.yaml"), KNOWN))
                .isInstanceOf(RetentionPolicyException.class)
                .hasMessage("policy error: " + dir.resolve("nope.yaml") + ": file not found; fix: pass the path of an"
                        + " existing retention.yaml");
    }

    @Test
    void problemsInAFileNameTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("retention.yaml"), "retention: [{name: a, sources: [x], max-age: soon}]\n");

        assertThatThrownBy(() -> RetentionPolicy.load(file, KNOWN)).isInstanceOf(RetentionPolicyException.class)
                .hasMessageStartingWith("policy error: " + file + ": retention[0].max-age: not a duration")
                .extracting(e -> ((RetentionPolicyException) e).key()).isEqualTo("retention[0].max-age");
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("retention.yaml"), "retention: [{name: a, sources: [x], max-age: 1 day}]\n");

        assertThat(RetentionPolicy.load(file, KNOWN).rules()).singleElement().extracting(RetentionRule::name).isEqualTo("a");
    }

    @Test
    void aCategoryCoversItselfAndWhatIsBelowItOnly() {
        assertThat(RetentionRule.covers("user.device", "user.device.ip_address")).isTrue();
        assertThat(RetentionRule.covers("user.device", "user.device")).isTrue();
        assertThat(RetentionRule.covers("user.device", "user.devices.x")).isFalse();
        assertThat(RetentionRule.covers("user.device.ip_address", "user.device")).isFalse();
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            helpdesk*            | helpdesk-export                      | true
            helpdesk*            | my-helpdesk                          | false
            billing.*            | billing.payments                     | true
            support/**           | support/attachments/a.pdf!/inner.txt | true
            support/*            | support/attachments/a.pdf            | false
            logs/*.log           | logs/app.log                         | true
            logs/?.log           | logs/ab.log                          | false
            exports/(x).csv      | exports/(x).csv                      | true
            """)
    void globsKeepStarWithinAPartAndDoubleStarAcrossParts(String glob, String value, boolean matches) {
        assertThat(RetentionRule.glob(glob).matcher(value).matches()).isEqualTo(matches);
    }

    @Test
    void theStrictestApplyingRuleWinsAndTheFirstOnATie() {
        RetentionPolicy policy = RetentionPolicy.parse("""
                retention:
                  - {name: payments, categories: [user.financial], max-age: 7 years}
                  - {name: telemetry, categories: [user.device], max-age: 13 months}
                  - {name: also telemetry, categories: [user.device.ip_address], max-age: 13 months}
                  - {name: exports, assets: ["exports/**"], max-age: 90 days}
                """, KNOWN);
        LocalDate asOf = LocalDate.of(2026, 11, 30);

        assertThat(policy.strictest("share", "logs/a.log", List.of("user.financial.bank_account", "user.device.ip_address"),
                asOf).name()).isEqualTo("telemetry");
        assertThat(policy.strictest("share", "exports/a.csv", List.of(), asOf).name()).isEqualTo("exports");
        assertThat(policy.strictest("share", "logs/a.log", List.of("user.contact.email"), asOf)).isNull();
        assertThat(policy.rules().get(0).covered(List.of("user.financial.bank_account", "user.device.ip_address")))
                .containsExactly("user.financial.bank_account");
    }
}
