package dev.piimap.classifiers.summary;

import dev.piimap.classifiers.EntityType;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.mask.SubjectTypes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectCollectorTest {
    static final Fingerprinter KEYED = new Fingerprinter("subject-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void countsOccurrencesPerFingerprintAndKeepsKeysInOrderWithoutRepeatingTheLastOne() {
        SubjectCollector c = new SubjectCollector(KEYED);
        c.add(EntityType.EMAIL_ADDRESS, "ana@example.com", "line 2");
        c.add(EntityType.EMAIL_ADDRESS, "ANA@Example.com ", "line 2");
        c.add(EntityType.EMAIL_ADDRESS, "ana@example.com", "line 7");
        c.add(EntityType.EMAIL_ADDRESS, "ana@example.com", null);
        c.add(EntityType.EMAIL_ADDRESS, "bob@example.org", "line 7");

        assertThat(c.subjects()).hasSize(2).extracting(SubjectCollector.Subject::fingerprint).isSorted();
        SubjectCollector.Subject ana = find(c, KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "ana@example.com"));
        assertThat(ana.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
        assertThat(ana.count()).isEqualTo(4);
        assertThat(ana.keys()).containsExactly("line 2", "line 7");
        assertThat(find(c, KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "bob@example.org")).keys()).containsExactly("line 7");
    }

    @Test
    void ignoresTypesOutsideTheIndexAndBlankValues() {
        SubjectCollector c = new SubjectCollector(KEYED);
        c.add(EntityType.IP_ADDRESS, "198.51.100.23", "line 1");
        c.add(EntityType.EU_VAT_ID, "DE123456789", "line 1");
        c.add(EntityType.PERSON, "Ana Diaz", "line 1");
        c.add(EntityType.EMAIL_ADDRESS, "  ", "line 1");
        c.add(EntityType.EMAIL_ADDRESS, null, "line 1");

        assertThat(c.subjects()).isEmpty();
        assertThat(SubjectTypes.INDEXED).doesNotContain(EntityType.IP_ADDRESS, EntityType.EU_VAT_ID, EntityType.PERSON)
                .contains(EntityType.EMAIL_ADDRESS, EntityType.PHONE_NUMBER, EntityType.IBAN, EntityType.CREDIT_CARD,
                        EntityType.US_SSN, EntityType.UK_NINO, EntityType.PASSPORT_NUMBER);
    }

    @Test
    void stopsAddingNewIdentifiersAtTheDistinctCapButKeepsCountingKnownOnesAndSaysSo() {
        SubjectCollector c = new SubjectCollector(KEYED, 2, 100);
        c.add(EntityType.EMAIL_ADDRESS, "a@example.com", "line 1");
        c.add(EntityType.EMAIL_ADDRESS, "b@example.com", "line 2");
        c.add(EntityType.EMAIL_ADDRESS, "c@example.com", "line 3");
        c.add(EntityType.PHONE_NUMBER, "+1 415 555 0142", "line 4");
        c.add(EntityType.EMAIL_ADDRESS, "a@example.com", "line 5");

        assertThat(c.subjects()).hasSize(2);
        assertThat(find(c, KEYED.fingerprint(EntityType.EMAIL_ADDRESS, "a@example.com")).count()).isEqualTo(2);
        assertThat(c.notIndexed(EntityType.EMAIL_ADDRESS)).isEqualTo(1);
        assertThat(c.notIndexed(EntityType.PHONE_NUMBER)).isEqualTo(1);
        assertThat(c.truncationNote(EntityType.EMAIL_ADDRESS))
                .isEqualTo("; 1 occurrence not in the subject index (it keeps 2 distinct identifiers per asset)");
        assertThat(c.truncationNote(EntityType.IBAN)).isEmpty();
    }

    @Test
    void boundsKeysPerIdentifierAndPerAssetWhileCountsGoOn() {
        SubjectCollector perValue = new SubjectCollector(KEYED);
        for (int i = 1; i <= 80; i++) {
            perValue.add(EntityType.EMAIL_ADDRESS, "ana@example.com", "line " + i);
        }
        SubjectCollector.Subject ana = perValue.subjects().get(0);
        assertThat(ana.count()).isEqualTo(80);
        assertThat(ana.keys()).hasSize(SubjectCollector.MAX_KEYS_PER_VALUE).startsWith("line 1").endsWith("line 50");

        SubjectCollector perAsset = new SubjectCollector(KEYED, 100, 3);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            addresses.add("user" + i + "@example.com");
            perAsset.add(EntityType.EMAIL_ADDRESS, addresses.get(i), "line " + i);
        }
        assertThat(perAsset.subjects()).hasSize(5);
        assertThat(perAsset.subjects().stream().mapToLong(s -> s.keys().size()).sum()).isEqualTo(3);
        assertThat(perAsset.subjects().stream().mapToLong(SubjectCollector.Subject::count).sum()).isEqualTo(5);
    }

    @Test
    void theDefaultCapHoldsAHundredThousandDistinctIdentifiersPerAsset() {
        SubjectCollector c = new SubjectCollector(KEYED);
        for (int i = 0; i <= SubjectCollector.MAX_DISTINCT; i++) {
            c.add(EntityType.EMAIL_ADDRESS, "member" + i + "@example.net", "line " + (i + 1));
        }

        assertThat(c.subjects()).hasSize(100_000);
        assertThat(c.notIndexed(EntityType.EMAIL_ADDRESS)).isEqualTo(1);
    }

    @Test
    void rejectsLimitsThatCannotHoldAnything() {
        assertThatThrownBy(() -> new SubjectCollector(KEYED, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDistinct >= 1");
    }

    static SubjectCollector.Subject find(SubjectCollector c, String fingerprint) {
        return c.subjects().stream().filter(s -> s.fingerprint().equals(fingerprint)).findFirst().orElseThrow();
    }
}
