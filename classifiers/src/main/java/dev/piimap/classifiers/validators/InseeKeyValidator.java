package dev.piimap.classifiers.validators;

/**
 * {@code insee-key}: a French NIR (numéro de sécurité sociale): sex 1, 2 (or 3, 4, 7, 8 for temporary
 * numbers), two digits of birth year, the month (01-12, or 20-42 and 50-99 when unknown), the
 * department (two digits, or 2A/2B for Corsica), commune and serial (three digits each), and the key:
 * 97 minus the first thirteen digits modulo 97, with 2A read as 19 and 2B as 18. Spaces are ignored.
 */
public final class InseeKeyValidator implements Validator {
    @Override
    public String name() {
        return "insee-key";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        String s = Checksums.compact(candidate, " ");
        if (s.length() != 15 || "123478".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        String department = s.substring(5, 7);
        String number = switch (department) {
            case "2A" -> s.substring(0, 5) + "19" + s.substring(7, 13);
            case "2B" -> s.substring(0, 5) + "18" + s.substring(7, 13);
            default -> s.substring(0, 13);
        };
        if (!Checksums.allDigits(number) || !Checksums.allDigits(s.substring(13))) {
            return false;
        }
        int month = Integer.parseInt(s.substring(3, 5));
        if (month == 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) {
            return false;
        }
        if (number.substring(5).chars().allMatch(c -> c == '0')) {
            return false;
        }
        return 97 - Checksums.mod97(number) == Integer.parseInt(s.substring(13));
    }
}
