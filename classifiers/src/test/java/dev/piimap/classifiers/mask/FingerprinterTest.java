package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprinterTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sameValueAndKeyGiveTheSameHexFingerprint() {
        Fingerprinter f = new Fingerprinter(KEY);
        String a = f.fingerprint(EntityType.EMAIL_ADDRESS, "john.doe@example.com");

        assertThat(a).matches("[0-9a-f]{64}");
        assertThat(new Fingerprinter(KEY).fingerprint(EntityType.EMAIL_ADDRESS, "john.doe@example.com")).isEqualTo(a);
    }

    @Test
    void anotherKeyGivesAnotherFingerprint() {
        assertThat(new Fingerprinter(OTHER_KEY).fingerprint(EntityType.EMAIL_ADDRESS, "john.doe@example.com"))
                .isNotEqualTo(new Fingerprinter(KEY).fingerprint(EntityType.EMAIL_ADDRESS, "john.doe@example.com"));
    }

    @Test
    void formattingDoesNotChangeTheFingerprint() {
        Fingerprinter f = new Fingerprinter(KEY);
        assertThat(f.fingerprint(EntityType.EMAIL_ADDRESS, "  John.Doe@Example.COM "))
                .isEqualTo(f.fingerprint(EntityType.EMAIL_ADDRESS, "john.doe@example.com"));
        assertThat(f.fingerprint(EntityType.PHONE_NUMBER, "(202) 456-1111"))
                .isEqualTo(f.fingerprint(EntityType.PHONE_NUMBER, "+1 202 456 1111"));
        assertThat(f.fingerprint(EntityType.CREDIT_CARD, "4111-1111-1111-1111"))
                .isEqualTo(f.fingerprint(EntityType.CREDIT_CARD, "4111111111111111"));
        assertThat(f.fingerprint(EntityType.IBAN, "de89 3704 0044 0532 0130 00"))
                .isEqualTo(f.fingerprint(EntityType.IBAN, "DE89370400440532013000"));
        assertThat(f.fingerprint(EntityType.US_SSN, "536 90 4399"))
                .isEqualTo(f.fingerprint(EntityType.US_SSN, "536-90-4399"));
        assertThat(f.fingerprint(EntityType.IP_ADDRESS, "2001:0DB8::0001"))
                .isEqualTo(f.fingerprint(EntityType.IP_ADDRESS, "2001:db8::1"));
    }

    @Test
    void differentValuesAndTypesGiveDifferentFingerprints() {
        Fingerprinter f = new Fingerprinter(KEY);
        assertThat(f.fingerprint(EntityType.EMAIL_ADDRESS, "a@example.com"))
                .isNotEqualTo(f.fingerprint(EntityType.EMAIL_ADDRESS, "b@example.com"));
        assertThat(f.fingerprint(EntityType.US_SSN, "536904399"))
                .as("the type is part of the input").isNotEqualTo(f.fingerprint(EntityType.PHONE_NUMBER, "536904399"));
    }

    @Test
    void formattingOfNewIdentifierTypesDoesNotChangeTheFingerprint() {
        Fingerprinter f = new Fingerprinter(KEY);
        assertThat(f.fingerprint(EntityType.MAC_ADDRESS, "00-1a-2b-3c-4d-5e"))
                .isEqualTo(f.fingerprint(EntityType.MAC_ADDRESS, "001A.2B3C.4D5E"));
        assertThat(f.fingerprint(EntityType.UK_NINO, "ab 12 34 56 c")).isEqualTo(f.fingerprint(EntityType.UK_NINO, "AB123456C"));
        assertThat(f.fingerprint(EntityType.EU_VAT_ID, "BE 0403.019.261")).isEqualTo(f.fingerprint(EntityType.EU_VAT_ID, "BE0403019261"));
        assertThat(f.fingerprint(EntityType.DATE_OF_BIRTH, "14 March 1985")).isEqualTo(f.fingerprint(EntityType.DATE_OF_BIRTH, "1985-03-14"));
        assertThat(f.fingerprint(EntityType.CREDENTIAL, "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----"))
                .as("escaped and real line breaks").isEqualTo(f.fingerprint(EntityType.CREDENTIAL, "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"));
        assertThat(f.fingerprint(EntityType.CREDENTIAL, "Hunter2")).as("secrets are case-sensitive")
                .isNotEqualTo(f.fingerprint(EntityType.CREDENTIAL, "hunter2"));
    }

    @Test
    void normalisesPerType() {
        assertThat(Fingerprinter.normalize(EntityType.PHONE_NUMBER, "0049 30 901820")).isEqualTo("+4930901820");
        assertThat(Fingerprinter.normalize(EntityType.IBAN, "gb82 west 1234 5698 7654 32")).isEqualTo("GB82WEST12345698765432");
        assertThat(Fingerprinter.normalize(EntityType.CREDIT_CARD, "4111 1111-1111 1111")).isEqualTo("4111111111111111");
    }

    @Test
    void neverShowsTheKeyAndCopiesIt() {
        byte[] key = KEY.clone();
        Fingerprinter f = new Fingerprinter(key);
        String before = f.fingerprint(EntityType.EMAIL_ADDRESS, "x@example.com");
        key[0] ^= 1;

        assertThat(f.toString()).doesNotContain(new String(KEY, StandardCharsets.US_ASCII)).contains("***");
        assertThat(f.fingerprint(EntityType.EMAIL_ADDRESS, "x@example.com")).isEqualTo(before);
    }

    @Test
    void rejectsAnEmptyKey() {
        assertThatThrownBy(() -> new Fingerprinter(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key is empty");
    }

    @Test
    void theKeyIdTellsKeysApartWithoutBeingAFingerprint() {
        Fingerprinter f = new Fingerprinter(KEY);

        assertThat(f.keyId()).matches("[0-9a-f]{16}").isEqualTo(new Fingerprinter(KEY.clone()).keyId());
        assertThat(new Fingerprinter(OTHER_KEY).keyId()).isNotEqualTo(f.keyId());
        assertThat(f.fingerprint(EntityType.EMAIL_ADDRESS, "piimap-key-id")).doesNotStartWith(f.keyId());
    }

    @Test
    void rawFingerprintsAreExactAndNeverEqualATypedOne() {
        Fingerprinter f = new Fingerprinter(KEY);

        assertThat(f.fingerprintRaw("Ana")).matches("[0-9a-f]{64}").isNotEqualTo(f.fingerprintRaw("ana"));
        assertThat(f.fingerprintRaw("ana@example.com")).isNotEqualTo(f.fingerprint(EntityType.EMAIL_ADDRESS, "ana@example.com"));
        assertThat(new Fingerprinter(OTHER_KEY).fingerprintRaw("Ana")).isNotEqualTo(f.fingerprintRaw("Ana"));
    }

    @Test
    void fingerprintsAreTheSameFromManyThreads() throws Exception {
        Fingerprinter f = new Fingerprinter(KEY);
        String expected = f.fingerprint(EntityType.IBAN, "DE89370400440532013000");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> f.fingerprint(EntityType.IBAN, "DE89 3704 0044 0532 0130 00")));
            }
            for (java.util.concurrent.Future<String> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
