package dev.piimap.scanner.source.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The few differences between databases the connector cares about, keyed by the driver's product name. */
enum DatabaseKind {
    POSTGRESQL(true),
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
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
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

    static DatabaseKind ofUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        return OTHER;
    }

    boolean supportsLimit() {
        return supportsLimit;
    }

    /**
     * True when tables live in catalogs (MySQL/MariaDB databases) rather than schemas, so the
     * namespace of a table is its catalog.
     */
    static boolean namespacesAreCatalogs(DatabaseMetaData metaData) throws SQLException {
        return !metaData.supportsSchemasInTableDefinitions() && metaData.supportsCatalogsInTableDefinitions();
    }
}
