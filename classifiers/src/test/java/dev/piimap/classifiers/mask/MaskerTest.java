package dev.piimap.classifiers.mask;

import dev.piimap.classifiers.EntityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskerTest {
    @Test
    void cardKeepsAtMostFirstSixAndLastFour() {
        assertThat(Masker.mask(EntityType.CREDIT_CARD, "4111 1111 1111 1111")).isEqualTo("411111******1111");
        assertThat(Masker.mask(EntityType.CREDIT_CARD, "378282246310005")).isEqualTo("378282*****0005");
        assertThat(Masker.mask(EntityType.CREDIT_CARD, "630495060000")).as("short PAN keeps only the last 4")
                .isEqualTo("********0000");
    }

    @Test
    void emailKeepsFirstLettersAndTopLevelDomain() {
        assertThat(Masker.mask(EntityType.EMAIL_ADDRESS, "john.doe@example.com")).isEqualTo("j***@e***.com");
        assertThat(Masker.mask(EntityType.EMAIL_ADDRESS, "a@mail.example.co.uk")).isEqualTo("a***@m***.uk");
    }

    @Test
    void ibanKeepsFirstFourAndLastFour() {
        assertThat(Masker.mask(EntityType.IBAN, "DE89 3704 0044 0532 0130 00")).isEqualTo("DE89**************3000");
    }

    @Test
    void ssnKeepsLastFour() {
        assertThat(Masker.mask(EntityType.US_SSN, "536-90-4399")).isEqualTo("***-**-4399");
        assertThat(Masker.mask(EntityType.US_SSN, "536904399")).isEqualTo("***-**-4399");
    }

    @Test
    void phoneKeepsSeparatorsAndLastDigits() {
        assertThat(Masker.mask(EntityType.PHONE_NUMBER, "+1 (202) 456-1111")).isEqualTo("+* (***) ***-1111");
        assertThat(Masker.mask(EntityType.PHONE_NUMBER, "030 901820")).isEqualTo("*** ****20");
    }

    @Test
    void ipMasksTheHostParts() {
        assertThat(Masker.mask(EntityType.IP_ADDRESS, "192.168.1.20")).isEqualTo("192.168.*.*");
        assertThat(Masker.mask(EntityType.IP_ADDRESS, "2001:db8::8a2e:370:7334")).isEqualTo("2001:db8:*:*:*:*:*:*");
    }

    @Test
    void otherTypesAndMisshapenValuesKeepOnlyTheFirstCharacter() {
        assertThat(Masker.mask(EntityType.PERSON, "Alice Smith")).isEqualTo("A***");
        assertThat(Masker.mask(EntityType.CREDIT_CARD, "not a card")).isEqualTo("n***");
        assertThat(Masker.mask(EntityType.US_SSN, "12")).isEqualTo("1***");
        assertThat(Masker.mask(EntityType.PERSON, "\uD83D\uDE00 smile")).isEqualTo("\uD83D\uDE00***");
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(Masker.mask(EntityType.EMAIL_ADDRESS, null)).isNull();
        assertThat(Masker.mask(EntityType.EMAIL_ADDRESS, "")).isEmpty();
    }

    @Test
    void maskedValuesNeverContainTheFullValue() {
        String[][] samples = {
                {"CREDIT_CARD", "4111111111111111"}, {"EMAIL_ADDRESS", "john.doe@example.com"},
                {"IBAN", "DE89370400440532013000"}, {"US_SSN", "536904399"}, {"PHONE_NUMBER", "+12024561111"},
                {"IP_ADDRESS", "10.1.2.3"}, {"CREDENTIAL", "hunter2hunter2"}};
        for (String[] s : samples) {
            String masked = Masker.mask(EntityType.valueOf(s[0]), s[1]);
            assertThat(masked).as(s[0]).doesNotContain(s[1]).contains("*");
        }
    }
}
