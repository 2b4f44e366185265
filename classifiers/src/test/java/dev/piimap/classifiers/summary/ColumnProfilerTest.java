package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnProfilerTest {
    private static final Classifier CLASSIFIER = Classifier.defaults();

    private static List<TypeSummary> profile(String column, String sqlType, List<String> values) {
        ColumnProfiler profiler = new ColumnProfiler(CLASSIFIER, column, sqlType);
        values.forEach(profiler::add);
        return profiler.verdicts();
    }

    @Test
    void anEmailColumnIsReportedWithHighConfidenceAndAnExplanation() {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add(i < 970 ? "user" + i + "@example.com" : "n/a");
        }

        List<TypeSummary> verdicts = profile("email", "varchar(255)", values);

        assertThat(verdicts).hasSize(1);
        TypeSummary v = verdicts.get(0);
        assertThat(v.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
        assertThat(v.count()).isEqualTo(970);
        assertThat(v.confidence()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        assertThat(v.explanation()).isEqualTo("97% of 1,000 sampled values are valid e-mail addresses; column name 'email'");
        assertThat(v.sample()).isEqualTo("u***@e***.com");
        assertThat(v.detector()).isEqualTo("email");
    }

    @Test
    void repeatedValuesCountEveryTimeAndKeepTheirOwnRowKeysBeyondTheRememberedOnes() {
        // More distinct values than the profiler remembers, cycled, so remembered and evicted values both recur.
        int distinct = ColumnProfiler.MEMO_ENTRIES + 44;
        SubjectCollector subjects = new SubjectCollector(SubjectCollectorTest.KEYED);
        ColumnProfiler profiler = new ColumnProfiler(CLASSIFIER, "email", "text", subjects);
        for (int row = 0; row < 3 * distinct; row++) {
            profiler.add("user" + (row % distinct) + "@example.com", "id=" + row);
        }
        profiler.add("user0@example.com " + "x".repeat(ColumnProfiler.MEMO_MAX_VALUE_LENGTH), "id=long");

        assertThat(profiler.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.count()).isEqualTo(3L * distinct + 1);
            assertThat(v.explanation()).startsWith("All 901 sampled values");
        });
        assertThat(subjects.subjects()).hasSize(distinct);
        assertThat(SubjectCollectorTest.find(subjects, SubjectCollectorTest.KEYED.fingerprint(EntityType.EMAIL_ADDRESS,
                "user0@example.com")).keys()).containsExactly("id=0", "id=" + distinct, "id=" + 2 * distinct, "id=long");
    }

    @Test
    void oneEmailInsideFreeTextIsReportedWithLowConfidence() {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add(i == 500 ? "customer asked to reply to jane.roe@example.org tomorrow" : "note number " + i + " about delivery");
        }

        List<TypeSummary> verdicts = profile("notes", "text", values);

        assertThat(verdicts).hasSize(1);
        TypeSummary v = verdicts.get(0);
        assertThat(v.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
        assertThat(v.count()).isEqualTo(1);
        assertThat(v.confidence()).isBetween(0.2, 0.5);
        assertThat(v.explanation()).isEqualTo("1 of 1,000 sampled values contains an e-mail address inside longer text");
        assertThat(v.sample()).isEqualTo("j***@e***.org");
    }

    @Test
    void aColumnNameGivesContextToPlainSsns() {
        List<TypeSummary> verdicts = profile("customer_ssn", "bigint",
                List.of("536904399", "212094321", "401231234", "666123456"));

        assertThat(verdicts).hasSize(1);
        TypeSummary v = verdicts.get(0);
        assertThat(v.type()).isEqualTo(EntityType.US_SSN);
        assertThat(v.count()).isEqualTo(3);
        assertThat(v.explanation()).isEqualTo("3 of 4 sampled values are valid US social security numbers; "
                + "1 more had the shape but failed ssn-rules; column name 'customer_ssn'; stored as bigint");
        assertThat(v.sample()).startsWith("***-**-");
    }

    @Test
    void plainNineDigitIdsWithoutAHintAreNotSsns() {
        assertThat(profile("order_id", "bigint", List.of("536904399", "212094321"))).isEmpty();
    }

    @Test
    void mostlyLuhnFailingIdsGiveALowConfidenceCardVerdict() {
        List<String> values = new java.util.ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            values.add(String.valueOf(4_000_000_000_000_000L + i * 7919));
        }

        List<TypeSummary> verdicts = profile("external_id", "varchar(16)", values);

        assertThat(verdicts).extracting(TypeSummary::type).containsExactly(EntityType.CREDIT_CARD);
        TypeSummary v = verdicts.get(0);
        assertThat(v.confidence()).isLessThan(0.3);
        assertThat(v.explanation()).contains("of 1,000 sampled values are valid card numbers")
                .contains("more had the shape but failed luhn,card-iin");
    }

    @Test
    void aCardColumnWithAMatchingNameScoresHigherThanWithout() {
        List<String> cards = List.of("4111111111111111", "5555555555554444", "378282246310005", "6011000990139424");

        double named = profile("card_number", "varchar", cards).get(0).confidence();
        double unnamed = profile("col7", "varchar", cards).get(0).confidence();

        assertThat(named).isGreaterThan(unnamed);
        assertThat(profile("card_number", "varchar", cards).get(0).explanation())
                .isEqualTo("All 4 sampled values are valid card numbers; column name 'card_number'");
        assertThat(profile("card_number", "varchar", cards).get(0).sample()).matches("[0-9]{6}\\*+[0-9]{4}");
    }

    @Test
    void emptyValuesDoNotCountAndNoValuesMeansNoVerdicts() {
        assertThat(profile("email", "varchar", java.util.Arrays.asList(null, "", "  "))).isEmpty();
        assertThat(profile("email", "varchar", java.util.Arrays.asList(null, "a@example.com")).get(0).explanation())
                .startsWith("The only sampled value is a valid e-mail address");
    }

    @Test
    void reportsEachTypeOnce() {
        List<TypeSummary> verdicts = profile("contact", "text", List.of(
                "a@example.com / +1 (202) 456-1111", "b@example.com", "+44 20 7946 0958"));

        assertThat(verdicts).extracting(TypeSummary::type).containsExactly(EntityType.EMAIL_ADDRESS, EntityType.PHONE_NUMBER);
        assertThat(verdicts).allSatisfy(v -> assertThat(v.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void aDateColumnNamedForBirthHoldsDatesOfBirth() {
        List<TypeSummary> verdicts = profile("date_of_birth", "date", List.of("1985-03-14", "1990-12-01", "1972-07-04"));

        assertThat(verdicts).extracting(TypeSummary::type).containsExactly(EntityType.DATE_OF_BIRTH);
        assertThat(verdicts.get(0).explanation()).isEqualTo("All 3 sampled values are valid dates of birth; column name 'date_of_birth'");
        assertThat(verdicts.get(0).sample()).isEqualTo("****-**-** (1980s)");
        assertThat(profile("dob", "timestamp", List.of("1985-03-14 00:00:00"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.DATE_OF_BIRTH);
        assertThat(profile("customerBirthDate", "varchar", List.of("03/14/1985"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.DATE_OF_BIRTH);
    }

    @Test
    void aCreatedAtDateColumnHoldsNoDatesOfBirth() {
        assertThat(profile("created_at", "date", List.of("1985-03-14", "2024-01-15"))).isEmpty();
        assertThat(profile("birth_date", "date", List.of("2099-01-01"))).as("not a possible birth date").isEmpty();
    }

    @Test
    void aColumnNameGivesContextToRoutingNumbersAndPassports() {
        assertThat(profile("routing_number", "varchar", List.of("021000021", "121000358"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.US_ABA_ROUTING);
        assertThat(profile("passport_no", "varchar", List.of("C01X00T47", "123456780"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.PASSPORT_NUMBER);
        assertThat(profile("order_no", "varchar", List.of("021000021", "C01X00T47"))).isEmpty();
    }

    @Test
    void secretAndCoordinateColumnsAreRecognisedByTheirNames() {
        assertThat(profile("api_key", "varchar", List.of("7f3e9a2b1c8d4e6f0a5b3c9d"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.CREDENTIAL);
        assertThat(profile("client_secret", "varchar", List.of("Zx9-kP2_qL7-mN4v"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.CREDENTIAL);
        assertThat(profile("latitude", "double precision", List.of("52.5200", "48.8566"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.GEO_COORDINATES);
        assertThat(profile("user_agent", "text", List.of("MyApp/5.2.1 (build 4411)"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.USER_AGENT);
        assertThat(profile("mac", "macaddr", List.of("00:1a:2b:3c:4d:5e"))).extracting(TypeSummary::type)
                .containsExactly(EntityType.MAC_ADDRESS);
    }

    @Test
    void aPasswordColumnIsACredentialColumn() {
        List<TypeSummary> verdicts = profile("db_password", "varchar", List.of("Xk9#mP2vL", "hunter2"));

        assertThat(verdicts).extracting(TypeSummary::type).containsExactly(EntityType.CREDENTIAL);
        assertThat(verdicts.get(0).explanation()).endsWith("; column name 'db_password'");
        assertThat(verdicts.get(0).sample()).doesNotContain("Xk9#m").doesNotContain("hunter");
    }

    @Test
    void columnNameHintsMatchWordsAndLongInfixes() {
        List<String> hints = List.of("email", "mail", "ip");

        assertThat(ColumnNameHints.matching("e_mail", hints)).isEqualTo("email");
        assertThat(ColumnNameHints.matching("customerEmailAddress", hints)).isEqualTo("email");
        assertThat(ColumnNameHints.matching("MAIL", hints)).isEqualTo("mail");
        assertThat(ColumnNameHints.matching("client_ip", hints)).isEqualTo("ip");
        assertThat(ColumnNameHints.matching("zip", hints)).isNull();
        assertThat(ColumnNameHints.matching("mailbox_size", hints)).isNull();
        assertThat(ColumnNameHints.words("billing.customerSSNNumber")).containsExactly("billing", "customer", "ssn", "number");
    }

    @Test
    void identifiersOfAColumnGoToTheSubjectIndexUnderTheirRowKeys() {
        SubjectCollector subjects = new SubjectCollector(SubjectCollectorTest.KEYED);
        ColumnProfiler profiler = new ColumnProfiler(CLASSIFIER, "email", "text", subjects);
        profiler.add("ana.diaz@example.com", "id=1");
        profiler.add("  ANA.DIAZ@example.com", "id=2");
        profiler.add("bob.stone@example.org", "id=3");
        profiler.add("n/a", "id=4");
        profiler.add("carol@example.net");

        assertThat(subjects.subjects()).hasSize(3);
        SubjectCollector.Subject ana = SubjectCollectorTest.find(subjects,
                SubjectCollectorTest.KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "ana.diaz@example.com"));
        assertThat(ana.count()).isEqualTo(2);
        assertThat(ana.keys()).containsExactly("id=1", "id=2");
        assertThat(SubjectCollectorTest.find(subjects, SubjectCollectorTest.KEYED.fingerprint(EntityType.EMAIL_ADDRESS,
                "carol@example.net")).keys()).isEmpty();
        assertThat(profiler.verdicts()).singleElement().satisfies(v -> assertThat(v.count()).isEqualTo(4));
    }
}
