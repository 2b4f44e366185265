package dev.piimap.scanner.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HeapPeaksTest {
    /** The live figure comes from the forced full collections, and counts what is still reachable then. */
    @Test
    void liveDataIsMeasuredAfterForcedFullCollections() throws InterruptedException {
        HeapPeaks peaks = HeapPeaks.start(Duration.ofMillis(50));
        try {
            byte[][] retained = new byte[48][];
            for (int i = 0; i < retained.length; i++) {
                retained[i] = new byte[1 << 20];
            }
            long seen = peaks.fullCollections();
            for (int waited = 0; waited < 200 && peaks.fullCollections() < seen + 2; waited++) {
                Thread.sleep(50);
            }
            assertThat(peaks.fullCollections()).isGreaterThanOrEqualTo(seen + 2);
            assertThat(peaks.liveBytes()).isGreaterThanOrEqualTo(48L << 20).isLessThanOrEqualTo(peaks.peakUsedBytes());
            assertThat(retained[47]).hasSize(1 << 20);
        } finally {
            peaks.stop();
        }
    }
}
