package dev.piimap.scanner.config;

/**
 * A configuration problem, reported as one line naming the key, the offending value (unless it may
 * be a secret) and the fix. The CLI prints {@link #getMessage()} and exits 2; nothing is written.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    private ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** {@code key}: what is wrong with {@code value}; fix: {@code fix}. A null value is said as "missing". */
    public static ConfigException invalid(String key, Object value, String problem, String fix) {
        String shown = value == null ? "" : " (value: " + abbreviate(String.valueOf(value)) + ")";
        return new ConfigException(key, "config error: " + key + ": " + problem + shown + "; fix: " + fix);
    }

    /** Like {@link #invalid} for keys whose value may be a secret: the value is never repeated. */
    public static ConfigException invalidSecret(String key, String problem, String fix) {
        return new ConfigException(key, "config error: " + key + ": " + problem + "; fix: " + fix);
    }

    public static ConfigException missing(String key, String fix) {
        return new ConfigException(key, "config error: " + key + ": missing required key; fix: " + fix);
    }

    /** The dotted path of the offending key, e.g. {@code sources[1].type}. */
    public String key() {
        return key;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 77) + "...'";
    }
}
