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

    /**
     * A literal starting with a letter counts where a match could be reported (not after a letter, digit
     * or '_'), found through the index's word starts; any other literal counts anywhere.
     */
    @Test
    void aLiteralCountsOnlyWhereAMatchCouldBeReported() {
        DetectorSpec spec = DetectorSpecs.read(new ByteArrayInputStream("""
                id: literals
                type: CREDENTIAL
                patterns:
                  - {name: key, regex: 'AIza[A-Za-z0-9]{4}', score: 0.5}
                  - {name: digit-second, regex: 'x9-[a-z]{4}', score: 0.5}
                  - {name: dashes, regex: '-----BEGIN [A-Z]+', score: 0.5}
                """.getBytes(StandardCharsets.UTF_8)), "test.yaml");
        CompiledPattern key = CompiledPattern.of(spec.patterns().get(0), 0);
        CompiledPattern digitSecond = CompiledPattern.of(spec.patterns().get(1), 0);
        CompiledPattern dashes = CompiledPattern.of(spec.patterns().get(2), 0);
        assertThat(List.of(key.literal(), digitSecond.literal(), dashes.literal())).containsExactly("AIza", "x9-", "-----BEGIN ");

        assertThat(key.mayOccur(TextIndex.of("AIzaSyAB"))).as("at the start").isTrue();
        assertThat(key.mayOccur(TextIndex.of("key=AIzaSyAB and more"))).as("after '='").isTrue();
        assertThat(key.mayOccur(TextIndex.of("é AIzaSyAB"))).isTrue();
        assertThat(key.mayOccur(TextIndex.of("XAIzaSyAB 1AIzaSyAB ÉAIza"))).as("after letters and digits only (not a camel-case hump)").isFalse();
        assertThat(key.mayOccur(TextIndex.of("aiza AIZA Aiza aIza"))).as("another case").isFalse();
        assertThat(key.mayOccur(TextIndex.of("AIz"))).as("cut short").isFalse();
        assertThat(digitSecond.mayOccur(TextIndex.of("id x9-abcd"))).as("second character not a letter").isTrue();
        assertThat(digitSecond.mayOccur(TextIndex.of("idx9-abcd X9-abcd"))).isFalse();
        assertThat(dashes.mayOccur(TextIndex.of("x-----BEGIN KEY"))).as("not starting with a letter: anywhere").isTrue();
        assertThat(dashes.mayOccur(TextIndex.of("-----BEGINKEY"))).isFalse();

        // Random texts: wherever the literal follows neither a letter, a digit nor '_', it counts.
        Random random = new Random(3);
        String alphabet = "AIzaiZ x_1é-=";
        int counted = 0;
        for (int t = 0; t < 3_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(random.nextInt(4) == 0 ? "AIza" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String s = text.toString();
            boolean reportable = false;
            for (int at = s.indexOf("AIza"); at >= 0; at = s.indexOf("AIza", at + 1)) {
                reportable |= at == 0 || !(Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) == '_');
            }
            boolean mayOccur = key.mayOccur(TextIndex.of(s));
            if (reportable) {
                assertThat(mayOccur).as("'%s'", s).isTrue();
                counted++;
            }
            if (!s.contains("AIza")) {
                assertThat(mayOccur).as("'%s'", s).isFalse();
            }
        }
        assertThat(counted).isGreaterThan(1_000);
    }
}
