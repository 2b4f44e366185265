package dev.piimap.classifiers.validators;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;

/**
 * Phone number parsing shared by the {@code phone} validator and fingerprints, on libphonenumber.
 * A number written with a country code ({@code +44 ...} or {@code 0044 ...}) is checked in that
 * country; one without is tried in each of {@link #DEFAULT_REGIONS} in order and accepted by the
 * first region where it is a valid number as that region writes it at home: a region with the trunk
 * prefix 0 (GB, DE, FR, ...) only for numbers starting with 0 ({@code 030 901820}), the others (US,
 * ES, IT, ...) only for numbers that do not start with their own trunk prefix or with 0, unless 0 is
 * part of their numbers (Italian {@code 06 ...}). So {@code 612 345 678} is read as Spanish, never as
 * a German number with its 0 left out. Never throws.
 */
public final class PhoneNumbers {
    /** Regions tried, in order, for numbers written without a country code. */
    public static final List<String> DEFAULT_REGIONS = List.of(
            "US", "GB", "DE", "FR", "NL", "BE", "ES", "IT", "CH", "AT", "IE", "CA", "AU");

    static final int MIN_DIGITS = 7;
    static final int MAX_DIGITS = 15;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Default regions for national numbers written with a leading 0, and for the others. */
    private static final List<String> REGIONS_AFTER_ZERO = regions(true);
    private static final List<String> REGIONS_WITHOUT_ZERO = regions(false);
    /**
     * Per region of those lists, the digit counts its numbers are written with at home as a bit set (bit
     * {@code n}: {@code n} digits): the possible lengths of its national numbers, each also with the
     * digits of its trunk prefix. Only an order to try regions in ({@link #isValid}); never a verdict.
     */
    private static final long[] LENGTHS_AFTER_ZERO = writtenLengths(REGIONS_AFTER_ZERO);
    private static final long[] LENGTHS_WITHOUT_ZERO = writtenLengths(REGIONS_WITHOUT_ZERO);

    private PhoneNumbers() {
    }

    /** The number in E.164 form ({@code +14155552671}) when it is valid somewhere, else null. */
    public static String toE164(CharSequence text) {
        PhoneNumber number = parseValid(text);
        return number == null ? null : UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** The parsed number when libphonenumber considers it valid, else null. */
    static PhoneNumber parseValid(CharSequence text) {
        String s = normalized(text);
        if (s == null) {
            return null;
        }
        if (s.startsWith("+")) {
            return parseIn(s, "ZZ");
        }
        for (String region : startsWithZero(s) ? REGIONS_AFTER_ZERO : REGIONS_WITHOUT_ZERO) {
            PhoneNumber number = parseIn(s, region);
            if (number != null) {
                return number;
            }
        }
        return null;
    }

    /**
     * Whether {@link #parseValid} finds the number valid, found with fewer parses: any region accepting
     * it will do, so the regions whose numbers have as many digits as this one (with its trunk prefix)
     * are tried first, then the others. Parsing is most of a phone number's cost; in the bench corpus
     * this spares about one parse in four.
     */
    static boolean isValid(CharSequence text) {
        String s = normalized(text);
        if (s == null) {
            return false;
        }
        if (s.startsWith("+")) {
            return parseIn(s, "ZZ") != null;
        }
        boolean zero = startsWithZero(s);
        List<String> regions = zero ? REGIONS_AFTER_ZERO : REGIONS_WITHOUT_ZERO;
        long[] lengths = zero ? LENGTHS_AFTER_ZERO : LENGTHS_WITHOUT_ZERO;
        int digits = digits(s);
        long likely = 0;
        for (int r = 0; r < regions.size(); r++) {
            if ((lengths[r] >>> digits & 1) != 0) {
                likely |= 1L << r;
                if (parseIn(s, regions.get(r)) != null) {
                    return true;
                }
            }
        }
        for (int r = 0; r < regions.size(); r++) {
            if ((likely >>> r & 1) == 0 && parseIn(s, regions.get(r)) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text trimmed, with {@code 00} before a country code replaced by {@code +}; null when it holds a
     * character other than digits and {@code  +-./()}, or too few or too many digits to be a number.
     */
    private static String normalized(CharSequence text) {
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
        return s;
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= '0' && c <= '9' ? 1 : 0;
        }
        return n;
    }

    /** Whether the first digit is 0. */
    private static boolean startsWithZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return c == '0';
            }
        }
        return false;
    }

    /**
     * The default regions whose national numbers are written with a leading 0 ({@code afterZero}): those
     * with the trunk prefix 0 and those whose numbers may start with 0 (Italy); or those written
     * without: every region whose trunk prefix is not 0.
     */
    private static List<String> regions(boolean afterZero) {
        return DEFAULT_REGIONS.stream().filter(region -> {
            String trunk = UTIL.getNddPrefixForRegion(region, true);
            boolean zeroTrunk = "0".equals(trunk);
            PhoneNumber fixedLine = UTIL.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
            boolean zeroInNumber = fixedLine != null && fixedLine.isItalianLeadingZero();
            return afterZero ? zeroTrunk || zeroInNumber : !zeroTrunk;
        }).toList();
    }

    private static long[] writtenLengths(List<String> regions) {
        long[] lengths = new long[regions.size()];
        for (int r = 0; r < lengths.length; r++) {
            String region = regions.get(r);
            String trunk = UTIL.getNddPrefixForRegion(region, true);
            int trunkDigits = trunk == null ? 0 : trunk.length();
            for (int n = 1; n <= MAX_DIGITS; n++) {
                PhoneNumber probe = new PhoneNumber().setCountryCode(UTIL.getCountryCodeForRegion(region))
                        .setNationalNumber(Long.parseLong("2".repeat(n)));
                if (UTIL.isPossibleNumberWithReason(probe) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                    lengths[r] |= 1L << n | 1L << Math.min(63, n + trunkDigits);
                }
            }
        }
        return lengths;
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
