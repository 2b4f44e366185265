package dev.piimap.scanner.source.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preflight check that the scanning role cannot write (RELIABILITY.md 11): read-only connections
 * already refuse writes, but a role that could write is one configuration slip away from it. Looks
 * at the role's privileges only, within the source's {@code include} globs, with one or two catalog
 * queries; says which objects, never what is in them.
 *
 * <ul>
 *   <li>PostgreSQL: a superuser, or any table where {@code has_table_privilege(current_user, oid,
 *       'INSERT,UPDATE,DELETE,TRUNCATE')} holds;</li>
 *   <li>MySQL/MariaDB: {@code SHOW GRANTS} lines granting INSERT, UPDATE, DELETE or ALL on {@code *.*}, a database
 *       or a table within the globs (privileges that come only through roles are not expanded);</li>
 *   <li>other databases: not checked.</li>
 * </ul>
 */
final class WriteAccessCheck {
    /** Objects named in the warning; the rest are counted. */
    static final int NAMED = 5;
    static final String FIX = "give the scanner a role with SELECT only (see the README)";
    private static final Set<String> WRITE_PRIVILEGES = Set.of("INSERT", "UPDATE", "DELETE", "ALL", "ALL PRIVILEGES");
    /** {@code GRANT <privileges> ON [TABLE] <db>.<table> TO ...}; names are backquoted or {@code *}. */
    private static final Pattern GRANT = Pattern.compile(
            "^GRANT (.+?) ON (?:TABLE )?(`(?:[^`]|``)*`|\\*)\\.(`(?:[^`]|``)*`|\\*) TO .*", Pattern.DOTALL);
    private static final Pattern COLUMN_LIST = Pattern.compile("\\([^)]*\\)");

    private final TableGlobs globs;

    WriteAccessCheck(TableGlobs globs) {
        this.globs = globs;
    }

    /** The warning line, if the role can write. */
    Optional<String> warning(Connection connection, DatabaseKind kind) throws SQLException {
        return switch (kind) {
            case POSTGRESQL -> postgresql(connection);
            case MARIADB, MYSQL -> mysql(connection);
            default -> Optional.empty();
        };
    }

    private Optional<String> postgresql(Connection connection) throws SQLException {
        boolean superuser = false;
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery(SqlText.preflightComment()
                    + " SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
                superuser = rs.next() && rs.getBoolean(1);
            }
            try (ResultSet rs = s.executeQuery(SqlText.preflightComment() + " SELECT n.nspname, c.relname"
                    + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p')"
                    + " AND has_table_privilege(current_user, c.oid, 'INSERT,UPDATE,DELETE,TRUNCATE')"
                    + " ORDER BY n.nspname, c.relname")) {
                while (rs.next()) {
                    String namespace = rs.getString(1);
                    String table = rs.getString(2);
                    if (!JdbcConnector.isSystem(namespace) && globs.matches(namespace, table)) {
                        tables.add(namespace + "." + table);
                    }
                }
            }
        }
        if (superuser) {
            return Optional.of("the scanning role is a superuser and can write to every table"
                    + (tables.isEmpty() ? "" : ", e.g. " + named(tables)) + ": " + FIX);
        }
        return tables.isEmpty() ? Optional.empty()
                : Optional.of("the scanning role can write (INSERT, UPDATE, DELETE or TRUNCATE) to " + named(tables) + ": " + FIX);
    }

    private Optional<String> mysql(Connection connection) throws SQLException {
        Set<String> targets = new LinkedHashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(SqlText.preflightComment() + " SHOW GRANTS")) {
            while (rs.next()) {
                writeTarget(rs.getString(1)).ifPresent(targets::add);
            }
        }
        return targets.isEmpty() ? Optional.empty()
                : Optional.of("the scanning account may write (INSERT, UPDATE, DELETE or ALL) on " + named(List.copyOf(targets))
                + ": " + FIX);
    }

    /**
     * What one SHOW GRANTS line lets the account write to, as {@code *.*}, {@code db.*} or {@code db.table},
     * when it grants a write privilege within the globs. Never more of the line than the object's name:
     * grant lines may carry password hashes.
     */
    Optional<String> writeTarget(String grantLine) {
        if (grantLine == null) {
            return Optional.empty();
        }
        Matcher m = GRANT.matcher(grantLine.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String privileges = COLUMN_LIST.matcher(m.group(1)).replaceAll("");
        boolean writes = Arrays.stream(privileges.split(","))
                .map(p -> p.strip().toUpperCase(Locale.ROOT))
                .anyMatch(WRITE_PRIVILEGES::contains);
        if (!writes) {
            return Optional.empty();
        }
        String database = unquote(m.group(2));
        String table = unquote(m.group(3));
        if (database.equals("*")) {
            return Optional.of("*.*");
        }
        if (JdbcConnector.isSystem(database)) {
            return Optional.empty();
        }
        if (table.equals("*")) {
            // A database name with unescaped _ or % is a pattern covering many databases: assume it matters.
            boolean pattern = database.replace("\\_", "").replace("\\%", "").matches(".*[_%].*");
            return pattern || globs.mayMatchNamespace(database.replace("\\_", "_").replace("\\%", "%"))
                    ? Optional.of(database + ".*") : Optional.empty();
        }
        return globs.matches(database, table) ? Optional.of(database + "." + table) : Optional.empty();
    }

    private static String unquote(String name) {
        return name.startsWith("`") ? name.substring(1, name.length() - 1).replace("``", "`") : name;
    }

    /** "a, b, c, d, e and 3 more". */
    static String named(List<String> objects) {
        int shown = Math.min(NAMED, objects.size());
        String list = String.join(", ", objects.subList(0, shown));
        int more = objects.size() - shown;
        return more == 0 ? list : list + " and " + more + " more";
    }
}
