package dev.piimap.scanner.source.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;

/**
 * Turns a driver exception into a reason fit for an outcome or an error message: a short phrase, the
 * SQLState and vendor code. Driver messages are never used, since they may quote values, SQL or
 * connection details.
 */
public final class SqlFailures {
    private static final Map<String, String> BY_STATE = Map.ofEntries(
            Map.entry("42501", "permission denied"),
            Map.entry("42P01", "table not found"),
            Map.entry("42S02", "table not found"),
            Map.entry("42703", "column not found"),
            Map.entry("42S22", "column not found"),
            Map.entry("57014", "query cancelled by the statement timeout"),
            Map.entry("HYT00", "query timed out"),
            Map.entry("25006", "write refused by the read-only transaction"),
            Map.entry("28000", "authentication failed"),
            Map.entry("28P01", "authentication failed"),
            Map.entry("3D000", "database not found"),
            Map.entry("40001", "serialization failure"),
            Map.entry("55P03", "lock not available"),
            Map.entry("58030", "I/O error while reading a value"));
    /** MySQL/MariaDB report privilege errors as 42000, and time-outs as 70100 or HY000, with these vendor codes. */
    private static final Map<Integer, String> BY_MYSQL_CODE = Map.of(
            1142, "permission denied", 1143, "permission denied", 1044, "permission denied",
            1045, "authentication failed", 1049, "database not found", 1146, "table not found",
            1969, "query cancelled by the statement timeout", 3024, "query cancelled by the statement timeout",
            1317, "query interrupted", 1792, "write refused by the read-only transaction");

    private SqlFailures() {
    }

    /** For example {@code permission denied (SQLState 42501)}; never the driver's message. */
    public static String reason(SQLException e) {
        String state = e.getSQLState();
        String what = phrase(e);
        if (state == null) {
            return what + " (" + e.getClass().getSimpleName() + ")";
        }
        boolean known = BY_STATE.containsKey(state) || BY_MYSQL_CODE.containsKey(e.getErrorCode())
                || e instanceof ReadOnlyConnections.NoDriverException;
        return what + " (SQLState " + state + (known ? "" : ", " + e.getClass().getSimpleName()
                + (e.getErrorCode() != 0 ? " code " + e.getErrorCode() : "")) + ")";
    }

    /** What to check next, for the message of a source that cannot be listed. */
    static String hint(SQLException e) {
        if (e instanceof ReadOnlyConnections.NoDriverException noDriver) {
            return noDriver.hint();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "check that the database server runs and that the url's host and port are reachable from here";
        }
        if (state.startsWith("28") || e.getErrorCode() == 1045) {
            return "check the user and the password reference of the source";
        }
        if (state.equals("3D000") || e.getErrorCode() == 1049) {
            return "check the database name in the url";
        }
        if (state.equals("42501") || e.getErrorCode() == 1044) {
            return "grant the scanning role CONNECT on the database and USAGE on its schemas";
        }
        return "see the database server's log for this SQLState";
    }

    private static String phrase(SQLException e) {
        if (e instanceof ReadOnlyConnections.NoDriverException) {
            return "no JDBC driver accepts the url";
        }
        String state = e.getSQLState();
        if (state != null && BY_STATE.containsKey(state)) {
            return BY_STATE.get(state);
        }
        if (BY_MYSQL_CODE.containsKey(e.getErrorCode())) {
            return BY_MYSQL_CODE.get(e.getErrorCode());
        }
        if (e instanceof SQLTimeoutException) {
            return "query timed out";
        }
        if (state != null && state.startsWith("08")) {
            return "connection failed";
        }
        if (state != null && (state.startsWith("53") || state.startsWith("57P"))) {
            return "database server unavailable";
        }
        return "database error";
    }
}
