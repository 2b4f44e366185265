package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.Sampling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Types;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleQueryTest {
    private static final List<Column> COLUMNS = List.of(new Column("id", "int4", Types.INTEGER),
            new Column("e\"mail", "text", Types.VARCHAR));

    @ParameterizedTest(name = "{0} {1} rows={2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind     | namespaces | rows | sampling    | percent | quote | expected
            POSTGRESQL | SCHEMAS    | 100  | AUTO        | 1.5     | "     | /* piimap run=r1 */ SELECT "id", "e""mail" FROM "app"."people" TABLESAMPLE SYSTEM (1.5000) REPEATABLE (0) LIMIT 100
            POSTGRESQL | SCHEMAS    | 100  | LIMIT       | 0       | "     | /* piimap run=r1 */ SELECT "id", "e""mail" FROM "app"."people" LIMIT 100
            POSTGRESQL | SCHEMAS    | 0    | FULL        | 0       | "     | /* piimap run=r1 */ SELECT "id", "e""mail" FROM "app"."people"
            MARIADB    | CATALOGS   | 100  | AUTO        | 0       | `     | /* piimap run=r1 */ SELECT `id`, `e"mail` FROM `app`.`people` LIMIT 100
            MYSQL      | CATALOGS   | 100  | TABLESAMPLE | 0       | `     | /* piimap run=r1 */ SELECT /*+ MAX_EXECUTION_TIME(30000) */ `id`, `e"mail` FROM `app`.`people` LIMIT 100
            MYSQL      | CATALOGS   | 0    | FULL        | 0       | `     | /* piimap run=r1 */ SELECT /*+ MAX_EXECUTION_TIME(30000) */ `id`, `e"mail` FROM `app`.`people`
            SQLITE     | NONE       | 100  | AUTO        | 0       | "     | /* piimap run=r1 */ SELECT "id", "e""mail" FROM "people" LIMIT 100
            OTHER      | SCHEMAS    | 100  | AUTO        | 0       | "     | /* piimap run=r1 */ SELECT "id", "e""mail" FROM "app"."people"
            """)
    void writesOneSelectPerDatabaseKindAndSampling(DatabaseKind kind, Namespaces namespaces, int rows, Sampling sampling,
                                                   double percent, String quote, String expected) {
        JdbcSourceConfig config = new JdbcSourceConfig("db", "jdbc:x:y", null, null, List.of(), rows, sampling, 2, 30);
        SampleQuery query = new SampleQuery(config, kind, SqlText.comment("r1"), Duration.ofSeconds(30));

        assertThat(query.sql(namespaces, quote, new TableRef("app", "people"), COLUMNS, percent)).isEqualTo(expected);
    }
}
