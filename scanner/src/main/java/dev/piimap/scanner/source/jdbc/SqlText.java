package dev.piimap.scanner.source.jdbc;

/** The two pieces of generated SQL text that carry outside input: quoted identifiers and the run comment. */
public final class SqlText {
    /** Longest run id kept in a query comment. */
    static final int MAX_COMMENT_ID = 64;

    private SqlText() {
    }

    /** {@code identifier} between {@code quote}s, embedded quotes doubled; unquoted when the database has no quote string. */
    public static String quote(String quote, String identifier) {
        if (quote == null || quote.isBlank()) {
            return identifier;
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** {@code /* piimap run=<id> *}{@code /}; the id is reduced to characters that cannot end the comment. */
    public static String comment(String runId) {
        String id = runId.replaceAll("[^A-Za-z0-9._:-]", "_");
        return "/* piimap run=" + (id.length() > MAX_COMMENT_ID ? id.substring(0, MAX_COMMENT_ID) : id) + " */";
    }

    /** The comment of driver-side checks that run before a run's tasks. */
    static String preflightComment() {
        return "/* piimap preflight */";
    }
}
