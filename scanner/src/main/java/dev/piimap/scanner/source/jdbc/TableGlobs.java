package dev.piimap.scanner.source.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code include} globs of a jdbc source, matched case-insensitively against {@code schema.table}
 * (or {@code database.table}). {@code *} matches any run of characters within one segment (no dot),
 * {@code ?} one such character, {@code **} anything including dots. No globs means every table.
 */
final class TableGlobs {
    private final List<Pattern> patterns;

    private TableGlobs(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static TableGlobs of(List<String> globs) {
        return new TableGlobs(globs.stream().map(TableGlobs::compile).toList());
    }

    boolean matches(String namespace, String table) {
        if (patterns.isEmpty()) {
            return true;
        }
        String name = (namespace + "." + table).toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /**
     * True when some table of {@code namespace} may match: every glob that could still match once a
     * table name follows {@code namespace.} counts. For privileges granted on a whole schema or database.
     */
    boolean mayMatchNamespace(String namespace) {
        if (patterns.isEmpty()) {
            return true;
        }
        String prefix = namespace.toLowerCase(Locale.ROOT) + ".";
        return patterns.stream().map(p -> p.matcher(prefix)).anyMatch(m -> m.matches() || m.hitEnd());
    }

    private static Pattern compile(String glob) {
        String g = glob.trim().toLowerCase(Locale.ROOT);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
