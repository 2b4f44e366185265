package dev.piimap.scanner.job;

import dev.piimap.scanner.config.JdbcSourceConfig;
import dev.piimap.scanner.config.JdbcSourceConfig.RowDating;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A jdbc source's row dating is part of its scan fingerprint: changing it rescans the source instead of carrying old dates. */
class RowDatingFingerprintTest {
    private static final String DETECTION = "detection-fingerprint";

    @Test
    void changingRowDatesOrDateColumnsChangesTheScanFingerprint() {
        String sample = Fingerprints.scan(DETECTION, source(RowDating.DEFAULT));
        String count = Fingerprints.scan(DETECTION, source(new RowDating(RowDating.Mode.COUNT, List.of())));
        String off = Fingerprints.scan(DETECTION, source(new RowDating(RowDating.Mode.OFF, List.of())));
        String byColumn = Fingerprints.scan(DETECTION, source(new RowDating(RowDating.Mode.SAMPLE, List.of("created_at"))));

        assertThat(List.of(sample, count, off, byColumn)).doesNotHaveDuplicates();
        assertThat(Fingerprints.scan(DETECTION, source(null))).isEqualTo(sample);
    }

    private static JdbcSourceConfig source(RowDating dating) {
        return new JdbcSourceConfig("db", "jdbc:postgresql://db/app", "scanner", null, List.of(), 1000,
                JdbcSourceConfig.Sampling.AUTO, 2, 60, null, dating);
    }
}
