package dev.piimap.classifiers.validators;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    @Test
    void theValidatorsShortcutGivesTheVerdictOfParsingInEveryRegion() {
        // isValid tries regions in another order than parseValid: any accepting region must do.
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Random random = new Random(11);
        List<String> candidates = new ArrayList<>();
        for (String region : PhoneNumbers.DEFAULT_REGIONS) {
            for (PhoneNumberUtil.PhoneNumberType type : List.of(PhoneNumberUtil.PhoneNumberType.FIXED_LINE, PhoneNumberUtil.PhoneNumberType.MOBILE)) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String national = util.format(example, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
                for (int variant = 0; variant < 150; variant++) {
                    // The example with digits changed at random: valid in its region, another, or none.
                    StringBuilder b = new StringBuilder(national);
                    for (int k = 0; k < 1 + random.nextInt(3); k++) {
                        int at = random.nextInt(b.length());
                        if (Character.isDigit(b.charAt(at)) && (at > 0 || b.charAt(at) != '0')) {
                            b.setCharAt(at, (char) ('0' + random.nextInt(10)));
                        }
                    }
                    candidates.add(b.toString());
                }
            }
        }
        String separators = " -./";
        for (int i = 0; i < 6000; i++) {
            StringBuilder b = new StringBuilder(random.nextInt(4) == 0 ? "0" : "");
            int digits = 6 + random.nextInt(8);
            for (int d = 0; d < digits; d++) {
                b.append((char) ('0' + random.nextInt(10)));
                if (random.nextInt(4) == 0) {
                    b.append(separators.charAt(random.nextInt(separators.length())));
                }
            }
            candidates.add(b.toString());
        }
        int valid = 0;
        for (String candidate : candidates) {
            boolean expected = PhoneNumbers.parseValid(candidate) != null;
            assertThat(PhoneNumbers.isValid(candidate)).as(candidate).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("valid candidates").isGreaterThan(1000).isLessThan(candidates.size() - 1000);
    }
}
