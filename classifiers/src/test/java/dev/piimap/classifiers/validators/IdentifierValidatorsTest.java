package dev.piimap.classifiers.validators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksum and structure validators of national identifiers, bank and VAT numbers, MAC addresses, dates. */
class IdentifierValidatorsTest {
    private static boolean valid(String validator, String candidate) {
        return Validators.byName(validator).isValid(candidate);
    }

    @Test
    void registersTheIdentifierValidatorsByName() {
        assertThat(Validators.names()).contains("mac-address", "birth-date", "uk-nino", "nhs-mod11", "de-tax-id",
                "insee-key", "es-dni", "it-fiscal-code", "passport-number", "itin-rules", "aba-checksum", "vat-id",
                "geo-coordinates");
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(delimiter = '|', value = {
            "mac-address|00:1A:2B:3C:4D:5E", "mac-address|3c-22-fb-9a-10-7e", "mac-address|001a.2b3c.4d5e",
            "uk-nino|AB123456C", "uk-nino|AB 12 34 56 C", "uk-nino|JG 103759 A",
            "nhs-mod11|943 476 5919", "nhs-mod11|9434765919", "nhs-mod11|450-557-7104",
            "de-tax-id|36 574 261 809", "de-tax-id|65929970489", "de-tax-id|86095742719",
            "insee-key|2 95 10 99 126 111 93", "insee-key|253072B07300470", "insee-key|253072A07300443",
            "es-dni|12345678Z", "es-dni|48392017-V", "es-dni|X1234567L", "es-dni|Y7654321G",
            "it-fiscal-code|RSSMRA85T10A562S", "it-fiscal-code|VRDLCU72E45F205I", "it-fiscal-code|RSSMRA85T10A56NH",
            "passport-number|C01X00T47", "passport-number|123456780", "passport-number|GB1234567",
            "itin-rules|912-70-1234", "itin-rules|987 88 6543", "itin-rules|912701234",
            "aba-checksum|021000021", "aba-checksum|011000015", "aba-checksum|322271627",
            "vat-id|DE136695976", "vat-id|ATU13585627", "vat-id|FR 40 303 265 045", "vat-id|FRK7399859412",
            "vat-id|IT00743110157", "vat-id|BE 0403.019.261", "vat-id|NL004495445B01", "vat-id|ESB12345674",
            "vat-id|ESX5253868R", "vat-id|IE6433435F", "vat-id|IE8D79739I", "vat-id|PL8567346215",
            "vat-id|SE123456789701", "vat-id|GB 980 7806 84", "vat-id|DK13585628", "vat-id|FI20774740",
            "vat-id|PT501964843", "vat-id|LU15027442",
            "geo-coordinates|52.5200, 13.4050", "geo-coordinates|-33.8688,151.2093",
            "geo-coordinates|51.5074, \"lng\": -0.1278",
            "geo-coordinates|48\u00b051'29.6\"N 2\u00b017'40.2\"E", "geo-coordinates|7\u00b041'51.0''N 56\u00b048'40.4''W",
            "geo-coordinates|N 52\u00b031.207' E 13\u00b024.583'", "geo-coordinates|48.8566\u00b0N, 2.3522\u00b0E",
            "geo-coordinates|45\u00b049\u203258\u2033N, 6\u00b051\u203254\u2033E", "geo-coordinates|40\u00ba25'01.3\"N 3\u00ba42'13.6\"W",
            "birth-date|1985-03-14", "birth-date|14/03/1985", "birth-date|03/14/1985", "birth-date|14.03.85",
            "birth-date|March 14th, 1985", "birth-date|14-Mar-1985", "birth-date|14. März 1985",
            "birth-date|1er mars 1985", "birth-date|14 de marzo de 1985", "birth-date|2 novembre 1979"})
    void acceptsValidIdentifiers(String validator, String candidate) {
        assertThat(valid(validator, candidate)).isTrue();
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @CsvSource(delimiter = '|', value = {
            "mac-address|00:1A-2B:3C-4D:5E", "mac-address|00:00:00:00:00:00", "mac-address|ff:ff:ff:ff:ff:ff",
            "mac-address|1234.5678.9012", "mac-address|00:1A:2B:3C:4D",
            "uk-nino|QQ123456C", "uk-nino|GB123456A", "uk-nino|NK123456A", "uk-nino|DA123456A", "uk-nino|AO123456A",
            "uk-nino|AB123456E",
            "nhs-mod11|943 476 5918", "nhs-mod11|4010232170", "nhs-mod11|943-476 5919", "nhs-mod11|0000000000",
            "de-tax-id|36574261890", "de-tax-id|36554266806", "de-tax-id|06574261809", "de-tax-id|12345678901",
            "insee-key|295109912611199", "insee-key|1 85 15 75 123 456 41", "insee-key|253072C07300443",
            "insee-key|585037512345641",
            "es-dni|12345678A", "es-dni|00000000T", "es-dni|W1234567L",
            "it-fiscal-code|RSSMRA85T10A562T", "it-fiscal-code|RSSMRA85T99A562S", "it-fiscal-code|ABCDEFGHIJKLMNOP",
            "passport-number|123456789", "passport-number|000000000", "passport-number|ABCDEFGH", "passport-number|C01x00T47",
            "passport-number|12345",
            "itin-rules|900-12-3456", "itin-rules|912-93-1234", "itin-rules|812-70-1234", "itin-rules|912-70-0000",
            "itin-rules|912-70 1234",
            "aba-checksum|021000022", "aba-checksum|500000005", "aba-checksum|000000000", "aba-checksum|12345678",
            "vat-id|DE136695977", "vat-id|DE036695976", "vat-id|FR41303265045", "vat-id|IT00743110158",
            "vat-id|BE0403019262", "vat-id|NL004495445B00", "vat-id|ESB12345675", "vat-id|IE6433435E",
            "vat-id|PL8567346216", "vat-id|SE123456789801", "vat-id|GB802311781", "vat-id|XX123456789",
            "vat-id|DE000000000",
            "geo-coordinates|95.1234, 13.4050", "geo-coordinates|45.1234, 190.5678", "geo-coordinates|0.1234, 0.5678",
            "geo-coordinates|12.0000, 13.0000", "geo-coordinates|52.52, 13.40",
            "geo-coordinates|95\u00b010'20\"N 10\u00b010'10\"E", "geo-coordinates|45\u00b075'10\"N 10\u00b010'10\"E",
            "geo-coordinates|45\u00b010'10\"N 190\u00b010'10\"E", "geo-coordinates|2\u00b017'40.2\"E 48\u00b051'29.6\"N",
            "geo-coordinates|48\u00b0N 2\u00b0E", "geo-coordinates|48\u00b051'N 2\u00b017'E", "geo-coordinates|0\u00b00'0\"N 0\u00b00'0\"E",
            "geo-coordinates|48\u00b051'29.6\"N", "geo-coordinates|48\u00b029.6\"51'N 2\u00b017'40.2\"E",
            "birth-date|1985-02-30", "birth-date|31/13/1985", "birth-date|1899-12-31", "birth-date|2099-01-01",
            "birth-date|14/03-1985", "birth-date|Smarch 14, 1985", "birth-date|14 March", "birth-date|1985"})
    void rejectsInvalidIdentifiers(String validator, String candidate) {
        assertThat(valid(validator, candidate)).isFalse();
    }

    @Test
    void birthDatesPreferTheDayFirstReadingOfAnAmbiguousDate() {
        assertThat(BirthDates.parse("03/04/1985")).isEqualTo(LocalDate.of(1985, 4, 3));
        assertThat(BirthDates.parse("03/14/1985")).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(BirthDates.parse("14-Mar-1985")).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(BirthDates.parse("14.03.85")).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(BirthDates.parse("not a date")).isNull();
    }

    @Test
    void birthDatesNeverThrow() {
        for (String s : new String[] {null, "", "//", "99999999999999999999-01-01", "1985-03-14".repeat(20), "\u00e9\u00e9\u00e9 1 1985"}) {
            assertThat(BirthDates.isPlausible(s)).isFalse();
        }
    }
}
