package dev.piimap.scanner.source.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WriteAccessCheckTest {
    @ParameterizedTest(name = "{0} with [{1}]")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # SHOW GRANTS line                                                                              | globs     | target
            GRANT ALL PRIVILEGES ON *.* TO `admin`@`%` IDENTIFIED BY PASSWORD '*E43841DF91E2' WITH GRANT OPTION | ''        | *.*
            GRANT USAGE ON *.* TO `scanner`@`%` IDENTIFIED BY PASSWORD '*E43841DF91E2'                      | ''        | null
            GRANT SELECT, SHOW VIEW ON `shop`.* TO `scanner`@`%`                                            | ''        | null
            GRANT SELECT, INSERT ON `shop`.`orders` TO `writer`@`%`                                          | ''        | shop.orders
            GRANT SELECT, INSERT ON `shop`.`orders` TO `writer`@`%`                                          | crm.*     | null
            GRANT SELECT, INSERT ON `shop`.`orders` TO `writer`@`%`                                          | shop.ord* | shop.orders
            GRANT UPDATE (`email`), SELECT ON `shop`.`customers` TO `app`@`%`                                | ''        | shop.customers
            GRANT SELECT (`insert`, `update`) ON `shop`.`customers` TO `app`@`%`                             | ''        | null
            GRANT DELETE ON `shop`.* TO 'app'@'%'                                                           | shop.*    | shop.*
            GRANT DELETE ON `shop`.* TO 'app'@'%'                                                           | crm.*     | null
            GRANT DELETE ON `shop`.* TO 'app'@'%'                                                           | *.people  | shop.*
            GRANT INSERT ON `test\\_%`.* TO PUBLIC                                                          | crm.*     | test\\_%.*
            GRANT ALL PRIVILEGES ON `mysql`.* TO `app`@`%`                                                  | ''        | null
            GRANT ALL ON TABLE `odd``db`.`t` TO `app`@`%`                                                   | ''        | odd`db.t
            GRANT `reader` TO `app`@`%`                                                                     | ''        | null
            GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION                                     | ''        | null
            """)
    void findsWriteGrantsWithinTheGlobs(String line, String globs, String target) {
        List<String> list = globs.isEmpty() ? List.of() : Arrays.asList(globs.split(";"));

        assertThat(new WriteAccessCheck(TableGlobs.of(list)).writeTarget(line).orElse(null)).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0} objects")
    @CsvSource(delimiter = '|', textBlock = """
            1 | a
            5 | a, b, c, d, e
            7 | a, b, c, d, e and 2 more
            """)
    void namesFiveObjectsAndCountsTheRest(int n, String expected) {
        List<String> objects = List.of("a", "b", "c", "d", "e", "f", "g").subList(0, n);

        assertThat(WriteAccessCheck.named(objects)).isEqualTo(expected);
    }
}
