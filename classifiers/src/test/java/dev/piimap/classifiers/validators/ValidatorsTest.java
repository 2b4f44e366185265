package dev.piimap.classifiers.validators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatorsTest {
    private static boolean valid(String validator, String candidate) {
        return Validators.byName(validator).isValid(candidate);
    }

    @Test
    void registersEveryBuiltInValidatorByName() {
        assertThat(Validators.names()).contains("luhn", "card-iin", "iban-mod97", "ssn-rules", "phone", "ip", "email-syntax");
        assertThat(Validators.byName("luhn")).isInstanceOf(LuhnValidator.class);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Validators.byName("lunh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown validator 'lunh'")
                .hasMessageContaining("luhn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005",
            "6011000990139424"})
    void luhnAcceptsValidCardNumbers(String number) {
        assertThat(valid("luhn", number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "0000000000000000", "41111111111", "4111x1111111111111", ""})
    void luhnRejectsBadCheckDigitsShortAllZeroAndForeignCharacters(String number) {
        assertThat(valid("luhn", number)).isFalse();
    }

    @Test
    void cardIinChecksIssuerPrefixAndLength() {
        assertThat(valid("card-iin", "4111111111111111")).isTrue();
        assertThat(valid("card-iin", "4222222222222")).isTrue();
        assertThat(valid("card-iin", "378282246310005")).isTrue();
        assertThat(valid("card-iin", "3782822463100050")).as("amex is 15 digits").isFalse();
        assertThat(valid("card-iin", "41111111111111")).as("visa is never 14 digits").isFalse();
        assertThat(valid("card-iin", "1234567812345670")).as("no scheme starts with 1").isFalse();
        assertThat(valid("card-iin", "9000000000000001")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32",
            "gb82west12345698765432", "NO93 8601 1117 947", "MT84 MALT 0110 0001 2345 MTLC AST0 01S"})
    void ibanAcceptsValidNumbers(String iban) {
        assertThat(valid("iban-mod97", iban)).isTrue();
    }

    @Test
    void ibanRejectsBadCheckDigitsWrongLengthsAndUnknownCountries() {
        assertThat(valid("iban-mod97", "DE88 3704 0044 0532 0130 00")).as("check digits").isFalse();
        assertThat(valid("iban-mod97", "DE89 3704 0044 0532 0130 01")).as("account digit changed").isFalse();
        assertThat(valid("iban-mod97", "DE89 3704 0044 0532 0130")).as("DE is 22 characters").isFalse();
        assertThat(valid("iban-mod97", "XX89 3704 0044 0532 0130 00")).as("unknown country").isFalse();
        assertThat(valid("iban-mod97", "DE89-3704-0044-0532-0130-00")).as("dashes").isFalse();
        assertThat(valid("iban-mod97", "")).isFalse();
    }

    @Test
    void ssnRulesAcceptIssuableNumbers() {
        assertThat(valid("ssn-rules", "536-90-4399")).isTrue();
        assertThat(valid("ssn-rules", "536 90 4399")).isTrue();
        assertThat(valid("ssn-rules", "536904399")).isTrue();
        assertThat(valid("ssn-rules", "899-99-9999")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "536-00-4399", "536-90-0000",
            "123-45-6789", "078-05-1120", "111-11-1111", "536-90-439", "536/90/4399"})
    void ssnRulesRejectUnissuableAndKnownFakeNumbers(String ssn) {
        assertThat(valid("ssn-rules", ssn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 (202) 456-1111", "+44 20 7946 0958", "0049 30 901820", "(212) 555-0123",
            "030 901820", "06 12 34 56 78", "4155552671"})
    void phoneAcceptsNumbersWithAndWithoutCountryCode(String number) {
        assertThat(valid("phone", number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.02.2024 14", "2024-01-15", "078-05-1120", "01.02.03.04", "+1 000 000 0000", "12345",
            "+44 20 7946 0958 ext", ""})
    void phoneRejectsDatesSsnShapesShortAndInvalidNumbers(String number) {
        assertThat(valid("phone", number)).isFalse();
    }

    @Test
    void phoneNumbersNormaliseToE164() {
        assertThat(PhoneNumbers.toE164("+1 (202) 456-1111")).isEqualTo("+12024561111");
        assertThat(PhoneNumbers.toE164("(202) 456-1111")).isEqualTo("+12024561111");
        assertThat(PhoneNumbers.toE164("0049 30 901820")).isEqualTo("+4930901820");
        assertThat(PhoneNumbers.toE164("not a number")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "0.0.0.0", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:192.0.2.128", "fe80::", "1:2:3:4:5:6:7::"})
    void ipAcceptsIpv4AndStrictIpv6(String address) {
        assertThat(valid("ip", address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.", "::", "2001::db8::1",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "fe80::1%eth0", "00:1A:2B:3C:4D:5E", "g::1",
            "::ffff:999.0.2.128", ""})
    void ipRejectsOutOfRangeOctetsAndMalformedIpv6(String address) {
        assertThat(valid("ip", address)).isFalse();
    }

    @Test
    void ipCanonicalFormIsRfc5952() {
        assertThat(IpAddresses.canonicalForm("2001:0DB8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.canonicalForm("::ffff:192.0.2.128")).isEqualTo("::ffff:c000:280");
        assertThat(IpAddresses.canonicalForm(" 10.0.0.1 ")).isEqualTo("10.0.0.1");
        assertThat(IpAddresses.canonicalForm("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
        assertThat(IpAddresses.canonicalForm("nonsense")).isNull();
    }

    @Test
    void emailSyntaxEnforcesLengthsAndDots() {
        assertThat(valid("email-syntax", "john.doe@example.com")).isTrue();
        assertThat(valid("email-syntax", "a@b.co")).isTrue();
        assertThat(valid("email-syntax", "john..doe@example.com")).isFalse();
        assertThat(valid("email-syntax", ".john@example.com")).isFalse();
        assertThat(valid("email-syntax", "a".repeat(65) + "@example.com")).isFalse();
        assertThat(valid("email-syntax", "a@b@example.com")).isFalse();
        assertThat(valid("email-syntax", "a@-example.com")).isFalse();
        assertThat(valid("email-syntax", "a@example.c")).isFalse();
        assertThat(valid("email-syntax", "a@example.c0m")).isFalse();
    }
}
