package dev.piimap.classifiers.validators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {
    @Test
    void readsNumbersWithoutTrunkPrefixInRegionsThatHaveNone() {
        assertThat(PhoneNumbers.toE164("612 345 678")).isEqualTo("+34612345678");
        assertThat(PhoneNumbers.toE164("91 123 45 67")).isEqualTo("+34911234567");
        assertThat(PhoneNumbers.toE164("(202) 456-1111")).isEqualTo("+12024561111");
        assertThat(PhoneNumbers.toE164("347 123 4567")).isEqualTo("+393471234567");
    }

    @Test
    void readsNumbersWithALeadingZeroInTrunkPrefixRegions() {
        assertThat(PhoneNumbers.toE164("030 901820")).isEqualTo("+4930901820");
        assertThat(PhoneNumbers.toE164("020 7946 0958")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.toE164("06 12 34 56 78")).isNotNull();
        assertThat(PhoneNumbers.toE164("06 6988 4857")).isNotNull();
    }

    @Test
    void doesNotReadANumberAsOneWhoseTrunkPrefixWasLeftOut() {
        assertThat(PhoneNumbers.toE164("30 901820")).as("Berlin without 0").isNull();
        assertThat(PhoneNumbers.toE164("1 23 45 67 89")).as("Paris without 0").isNull();
    }

    @Test
    void readsNumbersWithACountryCodeInThatCountry() {
        assertThat(PhoneNumbers.toE164("+49 151 23456789")).isEqualTo("+4915123456789");
        assertThat(PhoneNumbers.toE164("0034 612 345 678")).isEqualTo("+34612345678");
    }
}
