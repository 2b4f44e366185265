package dev.piimap.classifiers.validators;

/**
 * Confirms or rejects a candidate a detector's pattern matched: a checksum, a structural rule, a list
 * of known fakes. Detector specs name validators (e.g. {@code luhn}); implementations register
 * themselves under that name through {@link java.util.ServiceLoader} ({@code META-INF/services}), so
 * adding one touches no central switch.
 *
 * <p>Implementations are stateless and thread-safe, have a public no-argument constructor, and never
 * throw: any input they cannot interpret is simply not valid. They must not log or otherwise retain
 * the candidate.
 */
public interface Validator {
    /** The kebab-case name detector specs refer to, e.g. {@code iban-mod97}. */
    String name();

    /** Whether {@code candidate} (the matched text, separators included) passes this check. */
    boolean isValid(CharSequence candidate);
}
