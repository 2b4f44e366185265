package dev.piimap.classifiers.validators;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a written date as a plausible birth date: a real calendar day from 1900-01-01 to today (UTC).
 * Accepted forms: {@code 1985-03-14}, {@code 1985/03/14}, {@code 14/03/1985}, {@code 03/14/1985},
 * {@code 14.03.1985}, {@code 14-03-85} (one kind of separator), and with a month name in English,
 * German, French, Spanish, Italian, Dutch or Portuguese, full or abbreviated: {@code 14 March 1985},
 * {@code March 14th, 1985}, {@code 14-Mar-1985}, {@code 14. März 1985}, {@code 1er mars 1985},
 * {@code 14 de marzo de 1985}. A numeric day/month order is ambiguous: the day-first reading is
 * preferred, the month-first one used when only it is a real date. Two-digit years are read as 19xx or
 * 20xx, whichever is not in the future (the later when both are possible). Never throws.
 */
public final class BirthDates {
    public static final int MIN_YEAR = 1900;

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
                {"january", "januar", "janvier", "enero", "gennaio", "januari", "janeiro", "jänner"},
                {"february", "februar", "février", "fevrier", "febrero", "febbraio", "februari", "fevereiro"},
                {"march", "märz", "maerz", "mars", "marzo", "maart", "março", "marco", "mrz"},
                {"april", "avril", "abril", "aprile"},
                {"may", "mai", "mayo", "maggio", "mei", "maio"},
                {"june", "juni", "juin", "junio", "giugno", "junho"},
                {"july", "juli", "juillet", "julio", "luglio", "julho"},
                {"august", "août", "aout", "agosto", "augustus"},
                {"september", "septembre", "septiembre", "settembre", "setembro", "sept"},
                {"october", "oktober", "octobre", "octubre", "ottobre", "outubro"},
                {"november", "novembre", "noviembre", "novembro"},
                {"december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"}};
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                MONTHS.put(name, m + 1);
            }
        }
    }

    private BirthDates() {
    }

    /** Whether {@code text} is a birth date in one of the accepted forms (any reading of an ambiguous one). */
    public static boolean isPlausible(CharSequence text) {
        return !readings(text).isEmpty();
    }

    /** The preferred reading of {@code text} as a birth date, or null. */
    public static LocalDate parse(CharSequence text) {
        List<LocalDate> readings = readings(text);
        return readings.isEmpty() ? null : readings.get(0);
    }

    private static List<LocalDate> readings(CharSequence text) {
        List<LocalDate> out = new ArrayList<>(2);
        if (text == null || text.length() > 64) {
            return out;
        }
        List<String> tokens = tokens(text.toString().toLowerCase(Locale.ROOT));
        if (tokens == null) {
            return out;
        }
        List<String> numbers = new ArrayList<>(3);
        int month = 0;
        int monthAt = -1;
        for (String t : tokens) {
            if (Character.isDigit(t.charAt(0))) {
                numbers.add(t);
            } else if (t.equals("de") || t.equals("of")) {
                continue;
            } else if (month == 0) {
                month = monthNumber(t);
                if (month == 0) {
                    return out;
                }
                monthAt = numbers.size();
            } else {
                return out;
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (month != 0) {
            // "14 March 1985" (month after the day) or "March 14, 1985" (month first); the year last.
            if (numbers.size() != 2 || numbers.get(1).length() != 4 || numbers.get(0).length() > 2
                    || (monthAt != 0 && monthAt != 1)) {
                return out;
            }
            add(out, Integer.parseInt(numbers.get(1)), month, Integer.parseInt(numbers.get(0)), today);
            return out;
        }
        if (numbers.size() != 3) {
            return out;
        }
        String a = numbers.get(0);
        String b = numbers.get(1);
        String c = numbers.get(2);
        if (a.length() == 4 && b.length() <= 2 && c.length() <= 2) {
            add(out, Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c), today);
        } else if (a.length() <= 2 && b.length() <= 2 && (c.length() == 4 || c.length() == 2)) {
            int first = Integer.parseInt(a);
            int second = Integer.parseInt(b);
            for (int year : years(c, today)) {
                add(out, year, second, first, today);
                add(out, year, first, second, today);
            }
        }
        return out;
    }

    private static int[] years(String year, LocalDate today) {
        int y = Integer.parseInt(year);
        if (year.length() == 4) {
            return new int[] {y};
        }
        return 2000 + y <= today.getYear() ? new int[] {2000 + y, 1900 + y} : new int[] {1900 + y};
    }

    private static void add(List<LocalDate> out, int year, int month, int day, LocalDate today) {
        if (year < MIN_YEAR || year > today.getYear() || month < 1 || month > 12 || day < 1 || day > 31) {
            return;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (!date.isAfter(today) && !out.contains(date)) {
                out.add(date);
            }
        } catch (DateTimeException e) {
            // Not a calendar day (30 February).
        }
    }

    /**
     * The number and word tokens of a date, ordinal suffixes (st, nd, rd, th, er, º) and abbreviation
     * dots dropped; null when the separators are mixed or a token is neither.
     */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(5);
        char numericSeparator = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                out.add(s.substring(start, i));
                int suffixEnd = i;
                while (suffixEnd < s.length() && Character.isLetter(s.charAt(suffixEnd))) {
                    suffixEnd++;
                }
                String suffix = s.substring(i, suffixEnd);
                if (!suffix.isEmpty()) {
                    if (!(suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th")
                            || suffix.equals("er") || suffix.equals("º") || suffix.equals("o"))) {
                        return null;
                    }
                    i = suffixEnd;
                }
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else if (c == '-' || c == '/' || c == '.') {
                boolean betweenDigits = i > 0 && Character.isDigit(s.charAt(i - 1))
                        && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
                if (betweenDigits) {
                    if (numericSeparator != 0 && numericSeparator != c) {
                        return null;
                    }
                    numericSeparator = c;
                }
                i++;
            } else if (c == ' ' || c == ',' || c == '\t' || c == 'º') {
                i++;
            } else {
                return null;
            }
        }
        return out;
    }

    private static int monthNumber(String word) {
        Integer exact = MONTHS.get(word);
        if (exact != null) {
            return exact;
        }
        if (word.length() < 3) {
            return 0;
        }
        int found = 0;
        for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
            if (e.getKey().startsWith(word)) {
                if (found != 0 && found != e.getValue()) {
                    return 0;
                }
                found = e.getValue();
            }
        }
        return found;
    }
}
