package dev.piimap.reports.retention;

import java.nio.file.Path;

/**
 * A retention.yaml problem, as one line naming the file (when read from one), the key path (e.g.
 * {@code retention[1].max-age}), the value and the fix:
 * {@code policy error: policy.yaml: retention[1].max-age: not a duration ... (value: '13 monts'); fix: ...}.
 */
public final class RetentionPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The key of problems with the file as a whole (not YAML, not found). */
    static final String FILE = "(file)";

    private final String key;
    private final String value;
    private final String problem;
    private final String fix;

    RetentionPolicyException(String key, Object value, String problem, String fix) {
        this(null, key, value == null ? null : String.valueOf(value), problem, fix);
    }

    private RetentionPolicyException(Path file, String key, String value, String problem, String fix) {
        super("policy error: " + where(file, key) + problem + shown(value) + "; fix: " + fix);
        this.key = key;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    /** The same problem, said of {@code file}. */
    RetentionPolicyException in(Path file) {
        return new RetentionPolicyException(file, key, value, problem, fix);
    }

    /** The dotted path of the offending key, e.g. {@code retention[0].categories[1]}, or {@code (file)}. */
    public String key() {
        return key;
    }

    private static String where(Path file, String key) {
        if (file == null) {
            return key + ": ";
        }
        return key.equals(FILE) ? file + ": " : file + ": " + key + ": ";
    }

    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replaceAll("\\s+", " ");
        return " (value: '" + (oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...") + "')";
    }
}
