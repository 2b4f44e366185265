package dev.piimap.scanner.source.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnKindTest {
    @ParameterizedTest(name = "{0} {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            # name      | type name            | jdbc type | kind
            email       | text                 | 12        | TEXT
            payload     | bytea                | -2        | BINARY
            payload     | BLOB                 | 12        | BINARY
            scan        | LONGBLOB             | -4        | BINARY
            pic         | BINARY LARGE OBJECT  | 2004      | BINARY
            tags        | _text                | 2003      | ARRAY
            tags        | CHARACTER VARYING ARRAY | 2003   | ARRAY
            doc         | jsonb                | 1111      | JSON
            doc         | JSON                 | 12        | JSON
            ssn         | int4                 | 4         | NUMERIC_IDENTIFIER
            customerSSN | BIGINT               | 4         | NUMERIC_IDENTIFIER
            phone       | numeric              | 2         | NUMERIC_IDENTIFIER
            tax_id      | INT UNSIGNED         | 4         | NUMERIC_IDENTIFIER
            ssn         | varchar              | 12        | TEXT
            id          | int4                 | 4         | TEXT
            phone_point | point                | 1111      | TEXT
            """)
    void classifiesColumnsByTypeAndName(String name, String typeName, int jdbcType, Column.Kind kind) {
        assertThat(new Column(name, typeName, jdbcType).kind()).isEqualTo(kind);
    }
}
