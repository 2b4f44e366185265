package dev.piimap.reports.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long data may be kept: a whole number of days, weeks, months or years ({@code 90 days},
 * {@code 13 months}, {@code 7 years}). Months and years are calendar months and years, counted back from
 * the day of the check: 13 months before 2026-11-30 is 2025-10-30 (a day that a month lacks becomes
 * the month's last day).
 *
 * @param amount at least 1, at most {@value #MAX_AMOUNT}
 * @param unit   the calendar unit
 */
public record MaxAge(int amount, Unit unit) {
    public static final int MAX_AMOUNT = 100_000;
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(day|week|month|year)s?", Pattern.CASE_INSENSITIVE);

    public enum Unit { DAY, WEEK, MONTH, YEAR }

    public MaxAge {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("a max age is 1 to " + MAX_AMOUNT + " units, was " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("a max age needs a unit");
        }
    }

    /**
     * Parses {@code <n> day(s)|week(s)|month(s)|year(s)}.
     *
     * @throws IllegalArgumentException when the text is not of that form or the amount is out of range
     */
    public static MaxAge parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return new MaxAge(Integer.parseInt(m.group(1)), Unit.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
    }

    /** The first day data may still be from on {@code asOf}: a row or file dated before it is over the limit. */
    public LocalDate cutoff(LocalDate asOf) {
        Period period = switch (unit) {
            case DAY -> Period.ofDays(amount);
            case WEEK -> Period.ofWeeks(amount);
            case MONTH -> Period.ofMonths(amount);
            case YEAR -> Period.ofYears(amount);
        };
        return asOf.minus(period);
    }

    /** {@code 13 months}, {@code 1 year}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(Locale.ROOT) + (amount == 1 ? "" : "s");
    }
}
