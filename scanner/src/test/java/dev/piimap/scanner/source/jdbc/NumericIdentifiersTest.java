package dev.piimap.scanner.source.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class NumericIdentifiersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ssn                    | US_SSN
            customer_ssn           | US_SSN
            customerSSN            | US_SSN
            SocialSecurityNumber   | US_SSN
            itin                   | TAX_ID
            tax_id                 | TAX_ID
            taxpayer_number        | TAX_ID
            mobile                 | PHONE
            homePhone              | PHONE
            fax                    | PHONE
            lesson                 | NONE
            amount                 | NONE
            """)
    void readsTheIdentifierFromTheName(String name, NumericIdentifiers expected) {
        assertThat(NumericIdentifiers.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # kind  | number        | digits       | padded
            US_SSN  | 12456789      | 012456789    | true
            US_SSN  | 536225476     | 536225476    | false
            US_SSN  | 2111001.00    | 002111001    | true
            US_SSN  | 1234567890    | 1234567890   | false
            PHONE   | 4.155550123E9 | 4155550123   | false
            PHONE   | 14155550123   | 14155550123  | false
            TAX_ID  | 12345678      | 12345678     | false
            US_SSN  | 12.5          | null         | false
            US_SSN  | -536225476    | null         | false
            """)
    void writesWholeNumbersOutInFullAndPadsSsns(NumericIdentifiers kind, BigDecimal number, String digits, boolean padded) {
        NumericIdentifiers.Digits result = kind.digits(number);

        if (digits == null) {
            assertThat(result).isNull();
        } else {
            assertThat(result).isEqualTo(new NumericIdentifiers.Digits(digits, padded));
        }
    }
}
