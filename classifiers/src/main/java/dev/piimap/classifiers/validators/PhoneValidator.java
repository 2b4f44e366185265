package dev.piimap.classifiers.validators;

import com.google.re2j.Pattern;

/**
 * {@code phone}: a number libphonenumber calls valid, with its country code or in one of
 * {@link PhoneNumbers#DEFAULT_REGIONS}. Before that, candidates of shapes that are rarely phone
 * numbers but often valid somewhere are rejected: ones holding a calendar date (31.12.2024,
 * 2024-12-31, 12/31/2024), the US SSN shape 123-45-6789, and numbers without a country code of fewer
 * than {@value #MIN_NATIONAL_DIGITS} digits (01.02.03.04).
 */
public final class PhoneValidator implements Validator {
    static final int MIN_NATIONAL_DIGITS = 9;

    private static final Pattern DATE = Pattern.compile(
            "(?:^|[^0-9])(?:[0-3]?[0-9][./-][01]?[0-9][./-](?:19|20)[0-9]{2}"
                    + "|(?:19|20)[0-9]{2}[./-][01]?[0-9][./-][0-3]?[0-9]"
                    + "|[01]?[0-9][./-][0-3]?[0-9][./-](?:19|20)[0-9]{2})(?:[^0-9]|$)");
    private static final Pattern SSN_SHAPE = Pattern.compile("^[0-9]{3}-[0-9]{2}-[0-9]{4}$");

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString().strip();
        if (DATE.matcher(s).find() || SSN_SHAPE.matcher(s).find()) {
            return false;
        }
        boolean international = s.startsWith("+") || s.startsWith("00");
        if (!international && s.chars().filter(c -> c >= '0' && c <= '9').count() < MIN_NATIONAL_DIGITS) {
            return false;
        }
        return PhoneNumbers.parseValid(s) != null;
    }
}
