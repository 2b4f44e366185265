package dev.piimap.scanner.source.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableGlobsTest {
    @ParameterizedTest(name = "{0} on {1}.{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # globs (;-separated) | namespace | table       | matches
            ''                    | any       | thing       | true
            accounts.*            | accounts  | customers   | true
            accounts.*            | ACCOUNTS  | Customers   | true
            ACCOUNTS.*            | accounts  | customers   | true
            accounts.*            | billing   | payments    | false
            accounts.*;billing.*  | billing   | payments    | true
            *.customers           | crm       | customers   | true
            *.customers           | crm       | customers_x | false
            accounts.cust*        | accounts  | customers   | true
            accounts.?lans        | accounts  | plans       | true
            accounts.?lans        | accounts  | pplans      | false
            *                     | accounts  | plans       | false
            *.*                   | accounts  | plans       | true
            **                    | accounts  | plans       | true
            acc*                  | accounts  | plans       | false
            a.b                   | aXb       | ''          | false
            billing.inv[1]        | billing   | inv[1]      | true
            """)
    void matchesSchemaTableNames(String globs, String namespace, String table, boolean matches) {
        List<String> list = globs.isEmpty() ? List.of() : Arrays.asList(globs.split(";"));
        assertThat(TableGlobs.of(list).matches(namespace, table)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} may cover {1}.* -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # globs (;-separated) | namespace | may match
            ''                    | shop      | true
            shop.*                | shop      | true
            SHOP.orders           | shop      | true
            crm.*                 | shop      | false
            crm.*;shop.o*         | shop      | true
            *.customers           | shop      | true
            sh?p.*                | shop      | true
            **                    | shop      | true
            shop                  | shop      | false
            shopping.*            | shop      | false
            """)
    void tellsWhetherANamespaceMayHoldMatchingTables(String globs, String namespace, boolean mayMatch) {
        List<String> list = globs.isEmpty() ? List.of() : Arrays.asList(globs.split(";"));
        assertThat(TableGlobs.of(list).mayMatchNamespace(namespace)).isEqualTo(mayMatch);
    }
}
