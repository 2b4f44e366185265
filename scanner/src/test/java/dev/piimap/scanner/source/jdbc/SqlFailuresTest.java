package dev.piimap.scanner.source.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {
    @Test
    void namesKnownStatesWithoutTheDriverMessage() {
        SQLException e = new SQLException("permission denied for table vault: value 4111111111111111", "42501");
        assertThat(SqlFailures.reason(e)).isEqualTo("permission denied (SQLState 42501)");
    }

    @Test
    void namesMysqlPrivilegeErrorsByVendorCode() {
        assertThat(SqlFailures.reason(new SQLException("SELECT command denied", "42000", 1142)))
                .isEqualTo("permission denied (SQLState 42000)");
    }

    @Test
    void namesClassAndCodeOfUnknownStates() {
        assertThat(SqlFailures.reason(new SQLException("secret detail", "XX000", 7)))
                .isEqualTo("database error (SQLState XX000, SQLException code 7)");
        assertThat(SqlFailures.reason(new SQLTimeoutException("secret detail")))
                .isEqualTo("query timed out (SQLTimeoutException)");
    }

    @Test
    void groupsConnectionFailuresAndHintsAtTheFix() {
        SQLException refused = new SQLException("Connection to host:1 refused", "08001");
        assertThat(SqlFailures.reason(refused)).isEqualTo("connection failed (SQLState 08001, SQLException)");
        assertThat(SqlFailures.hint(refused)).contains("host and port");
        assertThat(SqlFailures.hint(new SQLException("x", "28P01"))).contains("password reference");
    }

    @Test
    void namesMariadbAndMysqlStatementTimeouts() {
        assertThat(SqlFailures.reason(new SQLException("max_statement_time exceeded", "70100", 1969)))
                .isEqualTo("query cancelled by the statement timeout (SQLState 70100)");
        assertThat(SqlFailures.reason(new SQLException("maximum statement execution time exceeded", "HY000", 3024)))
                .isEqualTo("query cancelled by the statement timeout (SQLState HY000)");
    }

    @Test
    void missingDriverSaysHowToGetOne() {
        ReadOnlyConnections.NoDriverException e = new ReadOnlyConnections.NoDriverException("add the driver");
        assertThat(SqlFailures.reason(e)).isEqualTo("no JDBC driver accepts the url (SQLState 08001)");
        assertThat(SqlFailures.hint(e)).isEqualTo("add the driver");
    }
}
