package dev.piimap.reports.policy;

/**
 * A policy file that cannot be used, as one line naming the key (e.g. {@code declared[2].categories[0]}),
 * the offending value (when there is one) and the fix. Callers show {@link #getMessage()}, or build
 * their own line from the parts.
 */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE_CHARS = 80;

    private final String key;
    private final String value;
    private final String problem;
    private final String fix;

    PolicyException(String key, String value, String problem, String fix) {
        super("policy error: " + key + ": " + problem + (value == null ? "" : " (value: '" + abbreviate(value) + "')")
                + "; fix: " + fix);
        this.key = key;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    /** The key path in the file, e.g. {@code declared[0].where.assets[1]}; {@code (file)} for the whole file. */
    public String key() {
        return key;
    }

    /** The offending value as written, or null when the key is missing or not a plain value. */
    public String value() {
        return value;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_VALUE_CHARS ? oneLine : oneLine.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }
}
