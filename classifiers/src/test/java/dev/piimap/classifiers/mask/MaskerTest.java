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
    void macKeepsTheVendorPrefix() {
        assertThat(Masker.mask(EntityType.MAC_ADDRESS, "00:1A:2B:3C:4D:5E")).isEqualTo("00:1A:2B:**:**:**");
        assertThat(Masker.mask(EntityType.MAC_ADDRESS, "001a.2b3c.4d5e")).isEqualTo("001a.2b**.****");
    }

    @Test
    void userAgentKeepsTheFirstProductToken() {
        assertThat(Masker.mask(EntityType.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"))
                .isEqualTo("Mozilla/5.0 ***");
        assertThat(Masker.mask(EntityType.USER_AGENT, "AhuraSense/3.2 (iPhone; iOS 18.1)")).isEqualTo("AhuraSense/3.2 ***");
    }

    @Test
    void credentialShowsAtMostFourCharactersAndTheLength() {
        assertThat(Masker.mask(EntityType.CREDENTIAL, "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R")).isEqualTo("ghp_***\u2026(40 chars)");
        assertThat(Masker.mask(EntityType.CREDENTIAL, "hunter2")).as("a quarter of a short secret").isEqualTo("h***\u2026(7 chars)");
        assertThat(Masker.mask(EntityType.CREDENTIAL, "abc")).isEqualTo("***\u2026(3 chars)");
        assertThat(Masker.mask(EntityType.CREDENTIAL, "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq98x3v\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo("-----BEGIN RSA PRIVATE KEY-----***\u2026(86 chars)");
    }

    @Test
    void dateOfBirthShowsItsShapeAndDecadeOnly() {
        assertThat(Masker.mask(EntityType.DATE_OF_BIRTH, "1985-03-14")).isEqualTo("****-**-** (1980s)");
        assertThat(Masker.mask(EntityType.DATE_OF_BIRTH, "14 March 1985")).isEqualTo("** ***** **** (1980s)");
        assertThat(Masker.mask(EntityType.DATE_OF_BIRTH, "not a date")).isEqualTo("n***");
    }

    @Test
    void nationalIdentifiersKeepTheirLastThreeCharacters() {
        assertThat(Masker.mask(EntityType.UK_NINO, "AB 12 34 56 C")).isEqualTo("** ** ** 56 C");
        assertThat(Masker.mask(EntityType.UK_NHS_NUMBER, "943 476 5919")).isEqualTo("*** *** *919");
        assertThat(Masker.mask(EntityType.DE_TAX_ID, "36574261809")).isEqualTo("********809");
        assertThat(Masker.mask(EntityType.FR_INSEE, "2 95 10 99 126 111 93")).isEqualTo("* ** ** ** *** **1 93");
        assertThat(Masker.mask(EntityType.ES_DNI, "X1234567L")).isEqualTo("******67L");
        assertThat(Masker.mask(EntityType.IT_FISCAL_CODE, "RSSMRA85T10A562S")).isEqualTo("*************62S");
        assertThat(Masker.mask(EntityType.PASSPORT_NUMBER, "C01X00T47")).isEqualTo("******T47");
        assertThat(Masker.mask(EntityType.US_ITIN, "912-70-1234")).isEqualTo("***-**-*234");
        assertThat(Masker.mask(EntityType.US_ABA_ROUTING, "021000021")).isEqualTo("******021");
        assertThat(Masker.mask(EntityType.EU_VAT_ID, "DE136695976")).isEqualTo("DE******976");
    }

    @Test
    void coordinatesKeepOneDecimalAndUrlsTheirHost() {
        assertThat(Masker.mask(EntityType.GEO_COORDINATES, "52.5200, 13.4050")).isEqualTo("52.5***, 13.4***");
        assertThat(Masker.mask(EntityType.GEO_COORDINATES, "-33.8688, \"lng\": 151.2093")).isEqualTo("-33.8***, 151.2***");
        assertThat(Masker.mask(EntityType.GEO_COORDINATES, "48\u00b051'29.6\"N 2\u00b017'40.2\"E")).isEqualTo("48\u00b0***N, 2\u00b0***E");
        assertThat(Masker.mask(EntityType.GEO_COORDINATES, "S 33\u00b052.123' E 151\u00b012.5'")).isEqualTo("33\u00b0***S, 151\u00b0***E");
        assertThat(Masker.mask(EntityType.URL_WITH_PII, "https://example.com/reset?token=a8f3k29dk3x"))
                .isEqualTo("https://example.com/***");
        assertThat(Masker.mask(EntityType.URL_WITH_PII, "https://bob:pw@example.com:8443/x")).isEqualTo("https://example.com:8443/***");
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
                {"IP_ADDRESS", "10.1.2.3"}, {"CREDENTIAL", "hunter2hunter2"}, {"MAC_ADDRESS", "00:1A:2B:3C:4D:5E"},
                {"DATE_OF_BIRTH", "1985-03-14"}, {"UK_NINO", "AB123456C"}, {"ES_DNI", "12345678Z"},
                {"EU_VAT_ID", "DE136695976"}, {"GEO_COORDINATES", "52.5200, 13.4050"},
                {"URL_WITH_PII", "https://example.com/?token=a8f3k29dk3x"}, {"PASSPORT_NUMBER", "C01X00T47"}};
        for (String[] s : samples) {
            String masked = Masker.mask(EntityType.valueOf(s[0]), s[1]);
            assertThat(masked).as(s[0]).doesNotContain(s[1]).contains("*");
        }
    }
}
