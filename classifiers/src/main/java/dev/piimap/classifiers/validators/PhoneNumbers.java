package dev.piimap.classifiers.validators;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;

/**
 * Phone number parsing shared by the {@code phone} validator and fingerprints, on libphonenumber.
 * A number written with a country code ({@code +44 ...} or {@code 0044 ...}) is checked in that
 * country; one without is tried in each of {@link #DEFAULT_REGIONS} in order and accepted by the
 * first region where it is a valid number. Never throws.
 */
public final class PhoneNumbers {
    /** Regions tried, in order, for numbers written without a country code. */
    public static final List<String> DEFAULT_REGIONS = List.of(
            "US", "GB", "DE", "FR", "NL", "BE", "ES", "IT", "CH", "AT", "IE", "CA", "AU");

    static final int MIN_DIGITS = 7;
    static final int MAX_DIGITS = 15;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 form ({@code +14155552671}) when it is valid somewhere, else null. */
    public static String toE164(CharSequence text) {
        PhoneNumber number = parseValid(text);
        return number == null ? null : UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** The parsed number when libphonenumber considers it valid, else null. */
    static PhoneNumber parseValid(CharSequence text) {
        String s = text.toString().trim();
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (" +-./()".indexOf(c) < 0) {
                return null;
            }
        }
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
            digits -= 2;
        }
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return null;
        }
        if (s.startsWith("+")) {
            return parseIn(s, "ZZ");
        }
        for (String region : DEFAULT_REGIONS) {
            PhoneNumber number = parseIn(s, region);
            if (number != null) {
                return number;
            }
        }
        return null;
    }

    private static PhoneNumber parseIn(String s, String region) {
        try {
            PhoneNumber number = UTIL.parse(s, region);
            return UTIL.isValidNumber(number) ? number : null;
        } catch (NumberParseException | RuntimeException e) {
            return null;
        }
    }
}
