package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeGroupsTest {
    private static boolean continues(String text, String match) {
        int start = text.indexOf(match);
        return CodeGroups.continuesRun(text.toCharArray(), start, start + match.length());
    }

    @Test
    void aMatchAfterAGroupWithADigitContinuesTheRun() {
        assertThat(continues("iban=DE40 2386 2595 0962 2524 94", "0962 2524 94")).isTrue();
        assertThat(continues("IBAN: AT14 0406 2233 0255 8228", "0406 2233 0255")).isTrue();
        assertThat(continues("IT51 A139 5562 4319 0843 7974 273", "0843 7974 273")).isTrue();
        assertThat(continues("tracking number 9400 0480 3215 9666", "0480 3215 9666")).isTrue();
    }

    @Test
    void aMatchAfterABankCodeAfterAnIbanHeadContinuesTheRun() {
        assertThat(continues("GB30 HBUK 0453 4134 8451 43", "0453 4134 8451 43")).isTrue();
        assertThat(continues("CALL HBUK 0453 4134 8451 43", "0453 4134 8451 43")).isFalse();
    }

    @Test
    void aMatchBeforeAGroupOfThreeOrFourDigitsContinuesTheRun() {
        assertThat(continues("0480 3215 9666 5464 14", "0480 3215 9666")).isTrue();
        assertThat(continues("0151 2345678 24 hours", "0151 2345678")).isFalse();
        assertThat(continues("0151 2345678 2024a", "0151 2345678")).isFalse();
    }

    @Test
    void labelsWordsAndPunctuationEndTheRun() {
        assertThat(continues("Tel 0151 2345678", "0151 2345678")).isFalse();
        assertThat(continues("TEL 0151 2345678", "0151 2345678")).isFalse();
        assertThat(continues("CALL US 0800 123 4567", "0800 123 4567")).isFalse();
        assertThat(continues("Tel.: 0151 2345678", "0151 2345678")).isFalse();
        assertThat(continues("x1234567 0151 2345678", "0151 2345678")).as("a lower-case code").isFalse();
        assertThat(continues("0151 2345678", "0151 2345678")).isFalse();
    }
}
