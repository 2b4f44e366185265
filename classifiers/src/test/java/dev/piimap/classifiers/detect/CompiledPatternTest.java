package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's needed characters judged from the bit sets of the ASCII characters it holds (one pass for
 * all patterns of a spec) agree with a scan of the region for that pattern's characters.
 */
class CompiledPatternTest {
    @Test
    void neededCharactersFromTheRegionsBitSetsAgreeWithAScan() {
        String alphabet = "ABDEFGILNPSX0123456789 .:=@(/-_abcxyz`{\t\u00b0\u007f\u0000?~";
        Random random = new Random(5);
        int patterns = 0;
        int found = 0;
        List<DetectorSpec> specs = new ArrayList<>(ShippedSpecs.all());
        // User specs may need any character: one pattern per stretch of ASCII, both halves of the bit sets.
        specs.add(DetectorSpecs.read(new ByteArrayInputStream("""
                id: needs-everywhere
                type: CREDENTIAL
                patterns:
                  - {name: low, regex: 'x', score: 0.5, needs: "\\t ?"}
                  - {name: edge, regex: 'x', score: 0.5, needs: "@_"}
                  - {name: lower, regex: 'x', score: 0.5, needs: "az"}
                  - {name: top, regex: 'x', score: 0.5, needs: "`{~"}
                """.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        for (DetectorSpec spec : specs) {
            for (DetectorSpec.NamedPattern p : spec.patterns()) {
                CompiledPattern pattern = CompiledPattern.of(p, spec.shrinkOnFail());
                if (pattern.needsOutsideAscii()) {
                    continue;
                }
                patterns++;
                for (int t = 0; t < 500; t++) {
                    char[] text = new char[1 + random.nextInt(12)];
                    for (int i = 0; i < text.length; i++) {
                        text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
                    }
                    long[] present = SpecDetector.presentAscii(text, new int[] {0, text.length});
                    boolean scanned = pattern.needsFoundIn(text, 0, text.length);
                    assertThat(pattern.needsFoundIn(present[0], present[1])).as("%s/%s on '%s'", spec.id(), p.name(), new String(text))
                            .isEqualTo(scanned);
                    found += scanned && p.needs() != null && !p.needs().isEmpty() ? 1 : 0;
                }
            }
        }
        assertThat(patterns).isGreaterThan(40);
        assertThat(found).isGreaterThan(1_000);
    }
}
