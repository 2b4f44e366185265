package dev.piimap.scanner.config;

import dev.piimap.scanner.config.JdbcSourceConfig.RowDating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The jdbc keys {@code row-dates} and {@code date-columns} of scan.yaml: defaults, mapping and one-line errors. */
class RowDatingConfigTest {
    private static final Path BASE = Path.of("/etc/piimap");
    private final ScanConfigLoader loader = new ScanConfigLoader();

    @Test
    void readsRowDatesAndDateColumns() {
        ScanConfig cfg = loader.parse("""
                datamap: x
                sources:
                  - {name: a, type: jdbc, url: 'jdbc:postgresql://db/app'}
                  - {name: b, type: jdbc, url: 'jdbc:postgresql://db/app', row-dates: count}
                  - {name: c, type: jdbc, url: 'jdbc:postgresql://db/app', row-dates: off}
                  - {name: d, type: jdbc, url: 'jdbc:postgresql://db/app', row-dates: "off"}
                  - {name: e, type: jdbc, url: 'jdbc:postgresql://db/app', date-columns: [created_at, " Booked_On "]}
                  - {name: f, type: jdbc, url: 'jdbc:postgresql://db/app', row-dates: sample}
                """, BASE);

        assertThat(cfg.sources()).extracting(s -> ((JdbcSourceConfig) s).rowDating()).containsExactly(
                RowDating.DEFAULT,
                new RowDating(RowDating.Mode.COUNT, List.of()),
                new RowDating(RowDating.Mode.OFF, List.of()),
                new RowDating(RowDating.Mode.OFF, List.of()),
                new RowDating(RowDating.Mode.SAMPLE, List.of("created_at", "Booked_On")),
                RowDating.DEFAULT);
        assertThat(cfg.sources().get(4).toString()).contains("rowDating=sample date-columns=[created_at, Booked_On]");
        assertThat(cfg.sources().get(0).toString()).contains("rowDating=sample]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown mode          | row-dates: exact                        | sources[0].row-dates: must be off, sample or count (value: 'exact'); fix: write row-dates: sample
            true                  | row-dates: true                         | sources[0].row-dates: must be off, sample or count (value: 'true'); fix:
            a list                | 'row-dates: [count]'                    | sources[0].row-dates: must be off, sample or count; fix:
            columns not a list    | date-columns: created_at                | sources[0].date-columns: must be a non-empty list of column names (value: 'created_at'); fix: write date-columns: [created_at]
            empty columns         | 'date-columns: []'                      | sources[0].date-columns: must be a non-empty list of column names; fix:
            blank column          | 'date-columns: [created_at, ""]'      | sources[0].date-columns[1]: must be a column name (value: ''); fix: write date-columns: [created_at, inserted_at]
            column not text       | 'date-columns: [{a: b}]'                | sources[0].date-columns[0]: must be a column name; fix:
            columns while off     | 'row-dates: off, date-columns: [ts]'    | sources[0].date-columns: has no effect with row-dates: off (value: 'ts'); fix: remove date-columns, or set row-dates: sample or count
            misspelt key          | 'date-column: [ts]'                     | sources[0].date-column: unknown key; fix: remove it or correct the spelling
            """)
    void rejectsBadRowDatingWithOneLine(String label, String keys, String expected) {
        String yaml = "datamap: x\nsources: [{name: a, type: jdbc, url: 'jdbc:h2:mem:x', " + keys.replace("'", "") + "}]\n";
        assertThatThrownBy(() -> loader.parse(yaml, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config error: ")
                .hasMessageContaining(expected)
                .hasMessageNotContaining("\n");
    }

    @Test
    void recordRefusesDateColumnsWithDatingOff() {
        assertThatThrownBy(() -> new RowDating(RowDating.Mode.OFF, List.of("ts")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
