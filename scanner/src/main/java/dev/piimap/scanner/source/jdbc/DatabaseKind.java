package dev.piimap.scanner.source.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few differences between databases the connector cares about, keyed by the product name the
 * driver reports once connected (a {@code jdbc:mysql:} URL may lead to a MariaDB server and back).
 * Everything else goes through plain JDBC metadata.
 */
enum DatabaseKind {
    POSTGRESQL(true),
    /** MariaDB server: {@code max_statement_time} bounds statements, as a session variable. */
    MARIADB(true),
    /** MySQL server: statements are bounded with the {@code MAX_EXECUTION_TIME} optimizer hint. */
    MYSQL(true),
    H2(true),
    SQLITE(true),
    /** Anything else: no LIMIT clause is generated; {@link java.sql.Statement#setMaxRows} bounds the rows. */
    OTHER(false);

    private final boolean supportsLimit;

    DatabaseKind(boolean supportsLimit) {
        this.supportsLimit = supportsLimit;
    }

    static DatabaseKind of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        return ofProduct(product == null ? "" : product);
    }

    static DatabaseKind ofProduct(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb")) {
            return MARIADB;
        }
        if (product.contains("mysql")) {
            return MYSQL;
        }
        if (product.equals("h2")) {
            return H2;
        }
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        return OTHER;
    }

    /** The kind a URL suggests before connecting, for driver properties only; MySQL stands for both MySQL and MariaDB. */
    static DatabaseKind ofUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        if (u.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        if (u.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        return OTHER;
    }

    boolean supportsLimit() {
        return supportsLimit;
    }

    boolean isMysqlFamily() {
        return this == MARIADB || this == MYSQL;
    }
}
