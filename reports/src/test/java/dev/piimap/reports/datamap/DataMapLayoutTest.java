package dev.piimap.reports.datamap;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataMapLayoutTest {
    @Test
    void placesOneTablePerSubdirectory() {
        assertThat(DataMapLayout.at("./datamap").runsTable()).isEqualTo("./datamap/runs");
        assertThat(DataMapLayout.at("s3a://bucket/maps/").assetsTable()).isEqualTo("s3a://bucket/maps/assets");
        assertThat(DataMapLayout.at("file:///tmp/dm//").findingsTable()).isEqualTo("file:///tmp/dm/findings");
        assertThat(DataMapLayout.at("file:/tmp/dm/").findingsTable()).isEqualTo("file:/tmp/dm/findings");
    }

    @Test
    void rejectsAnEmptyLocation() {
        assertThatThrownBy(() -> DataMapLayout.at("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data map location is empty");
    }

    @Test
    void acceptsOnlyRunIdsThatAreSafeInAPredicate() {
        assertThat(RunRecord.requireValidRunId("2026-11-28T10.15.00Z_nightly")).isNotNull();
        for (String bad : List.of("", "a b", "x' OR '1'='1", "run/1", "é", "a".repeat(65))) {
            assertThatThrownBy(() -> RunRecord.requireValidRunId(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not valid");
        }
    }

    @Test
    void committedRunNeedsAFinishTime() {
        assertThatThrownBy(() -> RunRecord.committed("r1", Instant.EPOCH, null, List.of(), 0, 0, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a finish time");
    }
}
