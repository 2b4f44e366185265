package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowKeysTest {
    private static final Classifier CLASSIFIER = Classifier.defaults();
    private static final Fingerprinter KEYED = SubjectCollectorTest.KEYED;

    @ParameterizedTest(name = "{0}={1} is shown")
    @CsvSource({
        "id, 42",
        "id, 0",
        "order_no, A-1009",
        "ref, 7f9c2ba4-e88f-11ee-8c90-0242ac120002",
        "path, eu/2026/001",
    })
    void codeLikeKeysWithoutPersonalDataAreShownAsTheyAre(String column, String value) {
        assertThat(new RowKeys(CLASSIFIER, KEYED, List.of(column)).render(List.of(value))).isEqualTo(column + "=" + value);
    }

    @ParameterizedTest(name = "{0}={1} is fingerprinted")
    @CsvSource({
        "customer, jsmith",
        "customer, John Smith 42",
        "code, ana.diaz@example.com",
        "code, 4111 1111 1111 1111",
        "code, A very long key 0123456789 0123456789 0123456789 0123456789 0123456789",
        "phone, 4155550142",
        "nino, 17",
    })
    void keysThatAreOrMayBePersonalDataAreGivenByFingerprintOnly(String column, String value) {
        String key = new RowKeys(CLASSIFIER, KEYED, List.of(column)).render(List.of(value));

        assertThat(key).matches(column + "=fp:[0-9a-f]{64}").doesNotContain(value);
    }

    @Test
    void aKeyThatIsAnIndexedIdentifierCarriesTheSubjectsOwnFingerprint() {
        String key = new RowKeys(CLASSIFIER, KEYED, List.of("email")).render(List.of("Ana.Diaz@Example.com"));

        assertThat(key).isEqualTo("email=fp:" + KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "ana.diaz@example.com"));
    }

    @Test
    void compositeKeysJoinTheirColumnsInKeyOrderAndANullValueMeansNoKey() {
        RowKeys keys = new RowKeys(CLASSIFIER, KEYED, List.of("tenant", "order_no"));

        assertThat(keys.render(List.of("7", "A-1009"))).isEqualTo("tenant=7,order_no=A-1009");
        assertThat(keys.render(Arrays.asList("7", null))).isNull();
        assertThatThrownBy(() -> keys.render(List.of("7"))).isInstanceOf(IllegalArgumentException.class);
    }
}
