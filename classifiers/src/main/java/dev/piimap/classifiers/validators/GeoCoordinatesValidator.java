package dev.piimap.classifiers.validators;

/**
 * {@code geo-coordinates}: the first two decimal numbers of the candidate are a latitude in [-90, 90]
 * and a longitude in [-180, 180], each with at least {@value #MIN_DECIMALS} decimals. Pairs that are
 * more likely other measurements fail: both values within 1 of zero (probabilities, ratios), or both
 * with only zeros after the point. A candidate holding one number only (a labelled latitude or
 * longitude) passes when it is within [-180, 180], has the decimals and is not round.
 */
public final class GeoCoordinatesValidator implements Validator {
    static final int MIN_DECIMALS = 4;

    @Override
    public String name() {
        return "geo-coordinates";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = candidate.toString();
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
}
