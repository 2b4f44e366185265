package dev.piimap.classifiers.validators;

/**
 * {@code birth-date}: a real calendar day between 1900-01-01 and today, in one of the forms
 * {@link BirthDates} reads (numeric with one kind of separator, or with a month name). The pattern,
 * not this check, demands the birth context.
 */
public final class BirthDateValidator implements Validator {
    @Override
    public String name() {
        return "birth-date";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        return BirthDates.isPlausible(candidate);
    }
}
