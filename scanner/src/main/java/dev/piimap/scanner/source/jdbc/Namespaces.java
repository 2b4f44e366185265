package dev.piimap.scanner.source.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where a database keeps its tables, as its JDBC metadata says: in schemas (PostgreSQL, H2), in
 * catalogs (MySQL/MariaDB databases), or in neither (SQLite). It decides the namespace part of a
 * {@link TableRef}, how the catalog is asked about one table, and how a SELECT names it.
 */
enum Namespaces {
    SCHEMAS,
    CATALOGS,
    /** No schemas and no catalogs: every table gets the namespace {@value #NONE_NAMESPACE} and is queried unqualified. */
    NONE;

    /** The namespace of tables in a database without schemas or catalogs (SQLite's own name for its main database). */
    static final String NONE_NAMESPACE = "main";

    static Namespaces of(DatabaseMetaData metaData) throws SQLException {
        if (metaData.supportsSchemasInTableDefinitions()) {
            return SCHEMAS;
        }
        return metaData.supportsCatalogsInTableDefinitions() ? CATALOGS : NONE;
    }

    /** The namespace of the current row of a {@code getTables} or {@code getColumns} result, or null when it has none. */
    String namespaceOf(ResultSet row) throws SQLException {
        return switch (this) {
            case SCHEMAS -> firstNonNull(row.getString("TABLE_SCHEM"), row.getString("TABLE_CAT"));
            case CATALOGS -> firstNonNull(row.getString("TABLE_CAT"), row.getString("TABLE_SCHEM"));
            case NONE -> NONE_NAMESPACE;
        };
    }

    /** The catalog's columns of one table (the result may hold look-alikes: callers compare names exactly). */
    ResultSet columns(DatabaseMetaData metaData, TableRef table) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        String tablePattern = escapePattern(table.table(), escape);
        return switch (this) {
            case SCHEMAS -> metaData.getColumns(null, escapePattern(table.namespace(), escape), tablePattern, "%");
            case CATALOGS -> metaData.getColumns(table.namespace(), null, tablePattern, "%");
            case NONE -> metaData.getColumns(null, null, tablePattern, "%");
        };
    }

    /** The catalog's columns of every table in one namespace (callers compare namespaces exactly). */
    ResultSet columnsOfNamespace(DatabaseMetaData metaData, String namespace) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        return switch (this) {
            case SCHEMAS -> metaData.getColumns(null, escapePattern(namespace, escape), "%", "%");
            case CATALOGS -> metaData.getColumns(namespace, null, "%", "%");
            case NONE -> metaData.getColumns(null, null, "%", "%");
        };
    }

    /** The catalog's entries for one table (any type), to tell a table without columns from one that is gone. */
    ResultSet tables(DatabaseMetaData metaData, TableRef table) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        String tablePattern = escapePattern(table.table(), escape);
        return switch (this) {
            case SCHEMAS -> metaData.getTables(null, escapePattern(table.namespace(), escape), tablePattern, null);
            case CATALOGS -> metaData.getTables(table.namespace(), null, tablePattern, null);
            case NONE -> metaData.getTables(null, null, tablePattern, null);
        };
    }

    /** The catalog's primary-key columns of one table (names are exact, not patterns; callers compare names). */
    ResultSet primaryKeys(DatabaseMetaData metaData, TableRef table) throws SQLException {
        return switch (this) {
            case SCHEMAS -> metaData.getPrimaryKeys(null, table.namespace(), table.table());
            case CATALOGS -> metaData.getPrimaryKeys(table.namespace(), null, table.table());
            case NONE -> metaData.getPrimaryKeys(null, null, table.table());
        };
    }

    /** The table as a SELECT names it, each part quoted with {@code quote}. */
    String qualifiedName(String quote, TableRef table) {
        String name = SqlText.quote(quote, table.table());
        return this == NONE ? name : SqlText.quote(quote, table.namespace()) + "." + name;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    static String escapePattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
