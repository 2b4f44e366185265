package dev.piimap.scanner.source.jdbc;

import dev.piimap.scanner.source.ScanItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ranges of a table read in parts without a database: how {@link KeyRanges} cuts a table's pages into
 * {@link CtidRange}s, the WHERE clauses both kinds generate, and how a range travels in its part item.
 * Reading real tables in such ranges: {@link KeyRangeScanTest}.
 */
class TableRangeTest {
    private static final KeyRanges PLANNER = new KeyRanges(100, DatabaseKind.POSTGRESQL, Duration.ofSeconds(5));

    @Test
    void pagesAreCutIntoEqualWidthsWithTheFirstAndLastOpen() {
        assertThat(PLANNER.ctidRanges(40, 400)).containsExactly(new CtidRange(null, 10L), new CtidRange(10L, 20L),
                new CtidRange(20L, 30L), new CtidRange(30L, null));
        assertThat(PLANNER.ctidRanges(10, 301)).as("ceil(301 / 100) parts, widths rounded down")
                .containsExactly(new CtidRange(null, 2L), new CtidRange(2L, 5L), new CtidRange(5L, 7L),
                        new CtidRange(7L, null));
    }

    @Test
    void pagePartsAreCappedAtOnePerPageAndAtTheMaximum() {
        assertThat(PLANNER.ctidRanges(3, 10_000)).containsExactly(new CtidRange(null, 1L), new CtidRange(1L, 2L),
                new CtidRange(2L, null));
        assertThat(PLANNER.ctidRanges(1, 10_000)).containsExactly(new CtidRange(null, null));
        assertThat(PLANNER.ctidRanges(100, 100)).as("estimate within one part").containsExactly(new CtidRange(null, null));
        List<CtidRange> largest = PLANNER.ctidRanges(CtidRange.MAX_PAGE, 1e12);
        assertThat(largest).hasSize(KeyRanges.MAX_PARTS);
        assertThat(largest.get(KeyRanges.MAX_PARTS - 2).to()).isLessThan(CtidRange.MAX_PAGE);
        for (int i = 1; i < largest.size(); i++) {
            assertThat(largest.get(i).from()).as("part %d starts where part %d ends", i, i - 1)
                    .isEqualTo(largest.get(i - 1).to()).isGreaterThan(i == 1 ? 0L : largest.get(i - 1).from());
        }
    }

    @Test
    void ctidWhereClausesNameFirstTuplesOfPages() {
        assertThat(new CtidRange(null, 10L).where("\"")).isEqualTo(" WHERE ctid < '(10,0)'::tid");
        assertThat(new CtidRange(10L, 20L).where("\""))
                .isEqualTo(" WHERE ctid >= '(10,0)'::tid AND ctid < '(20,0)'::tid");
        assertThat(new CtidRange(4294967294L, null).where("`")).isEqualTo(" WHERE ctid >= '(4294967294,0)'::tid");
        assertThat(new CtidRange(null, null).where("\"")).isEmpty();
    }

    @Test
    void keyWhereClausesQuoteTheColumn() {
        assertThat(new KeyRange("my \"id\"", 5L, 9L).where("\""))
                .isEqualTo(" WHERE \"my \"\"id\"\"\" >= 5 AND \"my \"\"id\"\"\" < 9");
        assertThat(new KeyRange("id", null, -3L).where("`")).isEqualTo(" WHERE `id` < -3");
    }

    @Test
    void eachKindOfRangeComesBackFromItsPartItem() {
        for (TableRange range : List.of(new CtidRange(null, 7L), new CtidRange(7L, 9L), new CtidRange(9L, null),
                new KeyRange("id", null, 100L), new KeyRange("id", -5L, 100L), new KeyRange("id", 100L, null))) {
            assertThat(TableRange.of(part(range.attributes(1, 3)))).isEqualTo(range);
        }
        assertThat(new CtidRange(7L, 9L).attributes(1, 3)).containsExactly(Map.entry(ScanItem.PART, "1/3"),
                Map.entry(TableRange.KIND, "ctid"), Map.entry(CtidRange.FROM, "7"), Map.entry(CtidRange.TO, "9"));
        assertThat(new KeyRange("id", null, 100L).attributes(0, 3)).containsExactly(Map.entry(ScanItem.PART, "0/3"),
                Map.entry(TableRange.KIND, "key"), Map.entry(KeyRange.COLUMN, "id"), Map.entry(KeyRange.TO, "100"));
    }

    @Test
    void malformedRangesAreRefused() {
        assertThatThrownBy(() -> TableRange.of(part(Map.of(ScanItem.PART, "0/2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a range of a table");
        assertThatThrownBy(() -> TableRange.of(new ScanItem("db", "s.t", -1, -1, null, Map.of(TableRange.KIND, "ctid"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a range of a table");
        assertThatThrownBy(() -> TableRange.of(part(Map.of(ScanItem.PART, "0/2", TableRange.KIND, "ctid",
                CtidRange.TO, "1; DROP TABLE t")))).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TableRange.of(part(Map.of(ScanItem.PART, "0/2", TableRange.KIND, "key"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a key range");
        assertThatThrownBy(() -> new CtidRange(5L, 5L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CtidRange(-1L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CtidRange(null, CtidRange.MAX_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScanItem part(Map<String, String> attributes) {
        return new ScanItem("db", "s.t", -1, -1, null, attributes);
    }
}
