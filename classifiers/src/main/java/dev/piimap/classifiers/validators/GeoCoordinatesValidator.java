package dev.piimap.classifiers.validators;

/**
 * {@code geo-coordinates}: the first two decimal numbers of the candidate are a latitude in [-90, 90]
 * and a longitude in [-180, 180], each with at least {@value #MIN_DECIMALS} decimals. Pairs that are
 * more likely other measurements fail: both values within 1 of zero (probabilities, ratios), or both
 * with only zeros after the point. A candidate holding one number only (a labelled latitude or
 * longitude) passes when it is within [-180, 180], has the decimals and is not round.
 *
 * <p>A candidate holding a degree sign ({@code °}, or {@code º} typed for it) is read as degrees,
 * minutes and seconds with hemisphere letters ({@code 48°51'29.6"N 2°17'40.2"E}, {@code N 48°51.493'
 * E 2°17.67'}, {@code 48.8566°N, 2.3522°E}): a latitude (N/S) of at most 90 and then a longitude (E/W)
 * of at most 180, each as degrees, then optionally minutes ({@code ' ′ ’}) and seconds
 * ({@code " ″ ” ''}), minutes and seconds under 60, and each half precise to a few tens of metres
 * (seconds, minutes with {@value #MIN_MINUTE_DECIMALS} decimals, or degrees with {@value #MIN_DECIMALS}).
 * {@code 0°0'0"N 0°0'0"E} fails.
 */
public final class GeoCoordinatesValidator implements Validator {
    static final int MIN_DECIMALS = 4;
    static final int MIN_MINUTE_DECIMALS = 2;

    @Override
    public String name() {
        return "geo-coordinates";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
        if (s.indexOf('\u00b0') >= 0 || s.indexOf('\u00ba') >= 0) {
            return isValidDms(s);
        }
        String[] numbers = new String[2];
        int found = 0;
        int i = 0;
        while (i < s.length() && found < 2) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || ((c == '-' || c == '+') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                numbers[found++] = s.substring(start, i);
            } else {
                i++;
            }
        }
        if (found == 1 && hasDecimals(numbers[0])) {
            try {
                return Math.abs(Double.parseDouble(numbers[0])) <= 180 && !zeroFraction(numbers[0]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (found < 2 || !hasDecimals(numbers[0]) || !hasDecimals(numbers[1])) {
            return false;
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(numbers[0]);
            lon = Double.parseDouble(numbers[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (Math.abs(lat) < 1 && Math.abs(lon) < 1)) {
            return false;
        }
        return !(zeroFraction(numbers[0]) && zeroFraction(numbers[1]));
    }

    private static boolean hasDecimals(String number) {
        int dot = number.indexOf('.');
        return dot > 0 && dot == number.lastIndexOf('.') && number.length() - dot - 1 >= MIN_DECIMALS;
    }

    private static boolean zeroFraction(String number) {
        return number.substring(number.indexOf('.') + 1).chars().allMatch(c -> c == '0');
    }

    /** Degrees, minutes and seconds with hemisphere letters; see the class comment. */
    static boolean isValidDms(String s) {
        double[][] parts = new double[2][3];
        int[][] decimals = new int[2][3];
        int[] count = new int[2];
        char[] hemisphere = new char[2];
        int hemispheres = 0;
        int half = -1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String number = s.substring(start, i);
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                char mark = i < s.length() ? s.charAt(i) : 0;
                int unit;
                int markLength = 1;
                if (mark == '\u00b0' || mark == '\u00ba') {
                    unit = 0;
                    half++;
                } else if (mark == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    unit = 2;
                    markLength = 2;
                } else if (mark == '\'' || mark == '\u2032' || mark == '\u2019') {
                    unit = 1;
                } else if (mark == '"' || mark == '\u2033' || mark == '\u201d') {
                    unit = 2;
                } else {
                    return false;
                }
                if (half < 0 || half > 1 || unit != count[half]) {
                    return false; // degrees, then minutes, then seconds, in each of two halves
                }
                int dot = number.indexOf('.');
                if (dot != number.lastIndexOf('.') || dot == 0 || dot == number.length() - 1) {
                    return false;
                }
                parts[half][unit] = Double.parseDouble(number);
                decimals[half][unit] = dot < 0 ? 0 : number.length() - dot - 1;
                count[half]++;
                i += markLength;
            } else if ("NSEWnsew".indexOf(c) >= 0) {
                if (hemispheres == 2) {
                    return false;
                }
                hemisphere[hemispheres++] = Character.toUpperCase(c);
                i++;
            } else {
                i++;
            }
        }
        if (half != 1 || hemispheres != 2 || "NS".indexOf(hemisphere[0]) < 0 || "EW".indexOf(hemisphere[1]) < 0) {
            return false;
        }
        double[] degrees = new double[2];
        for (int h = 0; h < 2; h++) {
            if (parts[h][1] >= 60 || parts[h][2] >= 60) {
                return false;
            }
            boolean precise = count[h] == 3 || (count[h] == 2 && decimals[h][1] >= MIN_MINUTE_DECIMALS)
                    || (count[h] == 1 && decimals[h][0] >= MIN_DECIMALS);
            if (!precise) {
                return false;
            }
            degrees[h] = parts[h][0] + parts[h][1] / 60 + parts[h][2] / 3600;
        }
        return degrees[0] <= 90 && degrees[1] <= 180 && !(degrees[0] == 0 && degrees[1] == 0);
    }
}
