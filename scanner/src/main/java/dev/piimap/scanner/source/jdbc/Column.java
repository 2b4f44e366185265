package dev.piimap.scanner.source.jdbc;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column as the catalog describes it, with the way its values are read and classified.
 *
 * @param typeName the database's own type name (e.g. {@code jsonb}, {@code _text}, {@code LONGBLOB})
 * @param jdbcType the {@link Types} constant the driver reports (SQLite's are unreliable, hence the name checks)
 */
record Column(String name, String typeName, int jdbcType) {
    /** How the values of a column are turned into text for the classifier. */
    enum Kind {
        /** Read as a string; a value holding a JSON object or array is walked like a JSON column's. */
        TEXT,
        /** JSON: every string leaf is classified under its JSON path. */
        JSON,
        /** An array: each element is one value. */
        ARRAY,
        /** Bytes: text is extracted with Tika, one value at a time. */
        BINARY,
        /** A number in a column named like an identifier (SSN, tax id, phone): classified from its digits. */
        NUMERIC_IDENTIFIER
    }

    private static final Set<Integer> BINARY_TYPES = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    private static final Set<Integer> NUMBER_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.NUMERIC, Types.DECIMAL, Types.FLOAT, Types.REAL, Types.DOUBLE);
    private static final Set<String> BINARY_NAMES = Set.of("bytea", "blob", "tinyblob", "mediumblob", "longblob",
            "binary", "varbinary", "binary varying", "binary large object", "image", "raw", "long raw");
    private static final Pattern INTEGER_NAME = Pattern.compile("(?:tiny|small|medium|big)?int(?:eger)?[0-9]*(?: unsigned)?");

    Kind kind() {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT).trim();
        if (BINARY_TYPES.contains(jdbcType) || BINARY_NAMES.contains(type) || type.endsWith(" blob")) {
            return Kind.BINARY;
        }
        if (jdbcType == Types.ARRAY || type.startsWith("_") || type.endsWith(" array") || type.endsWith("[]")) {
            return Kind.ARRAY;
        }
        if (type.contains("json")) {
            return Kind.JSON;
        }
        if (isNumber(type) && NumericIdentifiers.of(name) != NumericIdentifiers.NONE) {
            return Kind.NUMERIC_IDENTIFIER;
        }
        return Kind.TEXT;
    }

    private boolean isNumber(String type) {
        return NUMBER_TYPES.contains(jdbcType) || INTEGER_NAME.matcher(type).matches() || type.startsWith("numeric")
                || type.startsWith("decimal") || type.startsWith("number") || type.startsWith("float")
                || type.startsWith("double") || type.equals("real");
    }
}
