package dev.piimap.classifiers.validators;

/**
 * {@code phone}: a number libphonenumber calls valid, with its country code or in one of
 * {@link PhoneNumbers#DEFAULT_REGIONS}. Before that, candidates of shapes that are rarely phone
 * numbers but often valid somewhere are rejected: ones holding a calendar date (31.12.2024,
 * 2024-12-31, 12/31/2024), the US SSN shape 123-45-6789, and numbers without a country code of fewer
 * than {@value #MIN_NATIONAL_DIGITS} digits (01.02.03.04).
 *
 * <p>The shape checks are plain scans (libphonenumber, the costly part, runs last and only on what
 * they let through). A date is three digit runs in a row, each separated from the next by exactly one
 * of {@code . / -}, that read as day-month-year ({@code [0-3]?[0-9]}, {@code [01]?[0-9]}, a year
 * 19xx or 20xx), year-month-day, or month-day-year.
 */
public final class PhoneValidator implements Validator {
    static final int MIN_NATIONAL_DIGITS = 9;

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString().strip();
        if (holdsDate(s) || isSsnShape(s)) {
            return false;
        }
        boolean international = s.startsWith("+") || s.startsWith("00");
        if (!international && digits(s) < MIN_NATIONAL_DIGITS) {
            return false;
        }
        return PhoneNumbers.isValid(s);
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** {@code [0-9]{3}-[0-9]{2}-[0-9]{4}}, the whole string. */
    static boolean isSsnShape(String s) {
        if (s.length() != 11 || s.charAt(3) != '-' || s.charAt(6) != '-') {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            if (i != 3 && i != 6 && !isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether three consecutive digit runs, joined by single separators, read as a date (see the class comment). */
    static boolean holdsDate(String s) {
        int n = s.length();
        // The last three digit runs seen: [start, end) of each, oldest first; -1 when there are fewer.
        int s1 = -1;
        int e1 = -1;
        int s2 = -1;
        int e2 = -1;
        int i = 0;
        while (i < n) {
            if (!isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (e2 >= 0 && joined(s, e2, start) && s1 >= 0 && joined(s, e1, s2)
                    && isDate(s, s1, e1, s2, e2, start, i)) {
                return true;
            }
            boolean chained = e2 >= 0 && joined(s, e2, start);
            s1 = chained ? s2 : -1;
            e1 = chained ? e2 : -1;
            s2 = start;
            e2 = i;
        }
        return false;
    }

    /** Whether exactly one separator ({@code . / -}) lies between a run ending at {@code end} and one starting at {@code next}. */
    private static boolean joined(String s, int end, int next) {
        return next == end + 1 && ".-/".indexOf(s.charAt(end)) >= 0;
    }

    private static boolean isDate(String s, int s1, int e1, int s2, int e2, int s3, int e3) {
        return (isDay(s, s1, e1) && isMonth(s, s2, e2) && isYear(s, s3, e3))
                || (isYear(s, s1, e1) && isMonth(s, s2, e2) && isDay(s, s3, e3))
                || (isMonth(s, s1, e1) && isDay(s, s2, e2) && isYear(s, s3, e3));
    }

    /** {@code [0-3]?[0-9]}. */
    private static boolean isDay(String s, int start, int end) {
        return end - start == 1 || (end - start == 2 && s.charAt(start) <= '3');
    }

    /** {@code [01]?[0-9]}. */
    private static boolean isMonth(String s, int start, int end) {
        return end - start == 1 || (end - start == 2 && s.charAt(start) <= '1');
    }

    /** {@code (?:19|20)[0-9]{2}}. */
    private static boolean isYear(String s, int start, int end) {
        if (end - start != 4) {
            return false;
        }
        char a = s.charAt(start);
        char b = s.charAt(start + 1);
        return (a == '1' && b == '9') || (a == '2' && b == '0');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
