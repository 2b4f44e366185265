package dev.piimap.scanner.source.jdbc;

import java.util.Objects;

/**
 * A table as a scan item names it: {@code namespace.table}, where the namespace is a schema
 * (PostgreSQL, H2), a database (MySQL/MariaDB, which have catalogs instead of schemas) or
 * {@value Namespaces#NONE_NAMESPACE} (SQLite, which has neither). The locator
 * is split at its first dot, so a namespace must not contain one; a table name may.
 */
record TableRef(String namespace, String table) {
    TableRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(table, "table");
    }

    /** @throws IllegalArgumentException when the locator has no dot or an empty part */
    static TableRef parse(String locator) {
        int dot = locator.indexOf('.');
        if (dot <= 0 || dot == locator.length() - 1) {
            throw new IllegalArgumentException("a jdbc item locator is schema.table, was '" + locator + "'");
        }
        return new TableRef(locator.substring(0, dot), locator.substring(dot + 1));
    }

    String locator() {
        return namespace + "." + table;
    }

    /** The asset name of one of the table's columns: {@code schema.table.column}. */
    String column(String column) {
        return locator() + "." + column;
    }
}
