package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.summary.TypeSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ColumnProfileTest {
    private final Classifier classifier = Classifier.defaults();

    @Test
    void namesTheJsonPathsWhereATypeWasFoundMostMatchesFirst() {
        ColumnProfile profile = new ColumnProfile(classifier, "doc", "jsonb");
        for (int i = 0; i < 5; i++) {
            profile.addJsonText("{\"contact\": {\"email\": \"a" + i + "@example.com\"}, \"note\": \"hello\"}");
        }
        profile.addJsonText("{\"alt\": [{\"mail\": \"b@example.com\"}, {\"mail\": \"c@example.com\"}]}");

        assertThat(profile.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
            assertThat(v.count()).isEqualTo(7);
            assertThat(v.explanation()).endsWith("; found at $.contact.email, $.alt[*].mail")
                    .doesNotContain("example.com");
        });
    }

    @Test
    void countsPathsBeyondTheFirstThree() {
        ColumnProfile profile = new ColumnProfile(classifier, "doc", "json");
        profile.addJsonText("{\"a\": \"x1@example.com\", \"b\": \"x2@example.com\", \"c\": \"x3@example.com\","
                + " \"d\": \"x4@example.com\", \"e\": \"x5@example.com\"}");

        assertThat(profile.verdicts()).singleElement().extracting(TypeSummary::explanation).asString()
                .endsWith("; found at $.a, $.b, $.c and 2 more paths");
    }

    @Test
    void keysThatMayBeDataAreNotShownInPaths() {
        ColumnProfile profile = new ColumnProfile(classifier, "doc", "jsonb");
        profile.addJsonText("{\"owner@example.org\": {\"email\": \"x@example.com\"}, \"c-10042\": {\"email\": \"y@example.com\"}}");

        assertThat(profile.verdicts()).singleElement().extracting(TypeSummary::explanation).asString()
                .contains("found at $.*.email").doesNotContain("owner", "10042");
    }

    @Test
    void textColumnsWalkValuesThatAreJsonAndClassifyTheRestWhole() {
        ColumnProfile profile = new ColumnProfile(classifier, "payload", "text");
        profile.addText("{\"user\": {\"email\": \"a@example.com\"}}");
        profile.addText("mail b@example.com please");
        profile.addText("[not json, but brackets] c@example.com");

        assertThat(profile.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.count()).isEqualTo(3);
            assertThat(v.explanation()).endsWith("found at the whole value, $.user.email");
        });
    }

    @Test
    void jsonKeysNamedLikeIdentifiersMakeNumbersCount() {
        ColumnProfile profile = new ColumnProfile(classifier, "doc", "jsonb");
        for (int i = 0; i < 10; i++) {
            profile.addJsonText("{\"person\": {\"ssn\": " + (2_111_001 + i) + ", \"age\": 42}}");
        }

        assertThat(profile.verdicts()).extracting(TypeSummary::type, TypeSummary::count)
                .containsExactly(tuple(EntityType.US_SSN, 10L));
        assertThat(profile.verdicts().get(0).explanation()).contains("$.person.ssn", "padded to 9 digits");
    }

    @Test
    void pathsBeyondTheLimitShareOneProfile() {
        ColumnProfile profile = new ColumnProfile(classifier, "doc", "jsonb");
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < ColumnProfile.MAX_PATHS + 20; i++) {
            json.append(i == 0 ? "" : ", ").append("\"k").append((char) ('a' + i % 26)).append((char) ('a' + i / 26))
                    .append("\": \"v\"");
        }
        profile.addJsonText(json.append(", \"zz\": \"z@example.com\"}").toString());

        assertThat(profile.verdicts()).singleElement().extracting(TypeSummary::explanation).asString()
                .contains("found at " + ColumnProfile.OTHER_PATHS);
    }

    @Test
    void numbersOfOrdinaryColumnsAreClassifiedAsWritten() {
        ColumnProfile profile = new ColumnProfile(classifier, "ssn", "int4");
        profile.addNumber(new BigDecimal("536225476"), NumericIdentifiers.US_SSN);

        assertThat(profile.verdicts()).singleElement().extracting(TypeSummary::explanation).asString()
                .doesNotContain("padded");
    }
}
