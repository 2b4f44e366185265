package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Need pairs read off a regex, found among the index's positions of the needed characters, and specs
 * anchored by them: the same findings and rejections as the specs searched region by region.
 */
class NeedPairsTest {
    @Test
    void distancesAreThoseEveryMatchHasAPairAt() {
        assertThat(distances("\\b[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}\\b", ":-")).containsExactly(3);
        assertThat(distances("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}", ".")).containsExactly(5);
        assertThat(distances("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}", ".")).as("dots 2 to 4 apart").containsExactly(2, 3, 4);
        assertThat(distances("[0-9]{3}-[0-9]{2}-[0-9]{4}", "-")).containsExactly(3);
        assertThat(distances("a::b", ":")).containsExactly(1);
        assertThat(distances("x:y|x-y-z", ":-")).as("a branch with one needed character").isNull();
        assertThat(distances(":[0-9]*:", ":")).as("pairs further apart than the window").isNull();
        assertThat(distances("[0-9]{10}:[0-9]:", ":")).as("a pair past the first characters").containsExactly(2);
        assertThat(distances("x?", ":")).as("an empty match").isNull();
    }

    @Test
    void aBracketStartingWithAColonIsNotAPosixClass() {
        // Before, "[:-]" counted as a POSIX class that might match any character outside ASCII, so
        // between the separators of a MAC address the automaton allowed any number of such characters.
        RegexPrefilter colonOrDash = RegexPrefilter.of("[:-]x", true);
        assertThat(colonOrDash.mayMatch("-x".toCharArray(), 0, 2)).isTrue();
        assertThat(colonOrDash.mayMatch("éx".toCharArray(), 0, 2)).isFalse();
        assertThat(RegexPrefilter.of("[[:^alpha:]]x", true).mayMatch("éx".toCharArray(), 0, 2)).isTrue();
        assertThat(RegexPrefilter.of("[[:alpha:]]x", true).mayMatch("ax".toCharArray(), 0, 2)).isTrue();
    }

    @Test
    void findsTheFirstCharacterOfEveryPairAtAQualifyingDistance() {
        NeedPairs mac = pairsOf("\\b[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}\\b", ":-");
        String text = "at 12:30 a-b--c aa:bb-cc x:y:z 1:2:3:4 end";
        // Separators 3 apart: "a-b--c" (10 and 13), "aa:bb-cc" (18 and 21); those of "x:y:z" and "1:2:3:4"
        // are 2 and 4 apart, and a pair is only looked for among the needed characters.
        assertThat(mac.find(TextIndex.of(text))).containsExactly(10, 18);
        assertThat(mac.find(TextIndex.of("a:b-:c"))).containsExactly(1);
        assertThat(mac.find(TextIndex.of("no separators"))).isEmpty();
    }

    @Test
    void noPairsForStartsWithPatternsOrNeedsOutsideAscii() {
        assertThat(NeedPairs.of(compiled("[0-9]{2}:[0-9]{2}:", ":", List.of()))).isNotNull();
        assertThat(NeedPairs.of(compiled("[0-9]{2}:[0-9]{2}:", ":", List.of("at")))).isNull();
        assertThat(NeedPairs.of(compiled("[0-9]{2}:[0-9]{2}:", ":é", List.of()))).isNull();
        assertThat(NeedPairs.of(compiled("[0-9]{2}:[0-9]{2}:", "", List.of()))).isNull();
    }

    @Test
    void specsAnchoredByNeedPairsFindWhatRegionsFind() {
        Random random = new Random(23);
        // Pieces that make addresses, near misses and prose: separators at every distance, hex and digits.
        List<String> pieces = List.of("aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-FF", "0a1b.2c3d.4e5f", "192.168.10.1",
                "10.0.0.254", "fe80::1", "2001:db8::8a2e:370:7334", "12:30:45", "2.4.10.3", "3.14", "e.g.", "...",
                "078-05-1120", "078 05 1120", "912-70-1234", "aa:bb:cc", "1.2.3", "::", "-", ".", ":", " ", "\n",
                "mac ", "ip ", "ssn ", "x", "é", "00", "ff", "1", "a-b", "a.b", "a:b");
        List<String> glue = List.of(" ", " ", " ", "\n", ", ", "=", "");
        int found = 0;
        for (String id : List.of("mac-address", "ip-address", "us-ssn", "us-itin")) {
            DetectorSpec spec = ShippedSpecs.all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            SpecDetector anchored = new SpecDetector(spec, true);
            SpecDetector everywhere = new SpecDetector(spec, false);
            for (int t = 0; t < 3_000; t++) {
                StringBuilder text = new StringBuilder();
                for (int k = 1 + random.nextInt(30); k > 0; k--) {
                    text.append(pieces.get(random.nextInt(pieces.size()))).append(glue.get(random.nextInt(glue.size())));
                }
                String s = text.toString();
                Examination expected = everywhere.examine(s);
                assertThat(anchored.examine(s)).as("%s in '%s'", id, s).isEqualTo(expected);
                found += expected.findings().size();
            }
        }
        assertThat(found).as("findings compared").isGreaterThan(3_000);
    }

    /** The distances of {@code regex}'s need pairs for {@code needs}, or null when it has none. */
    private static List<Integer> distances(String regex, String needs) {
        NeedPairs pairs = pairsOf(regex, needs);
        return pairs == null ? null : java.util.Arrays.stream(pairs.distances()).boxed().toList();
    }

    private static NeedPairs pairsOf(String regex, String needs) {
        return NeedPairs.of(compiled(regex, needs, List.of()));
    }

    private static CompiledPattern compiled(String regex, String needs, List<String> startsWith) {
        return CompiledPattern.of(new DetectorSpec.NamedPattern("p", regex, 0.5, false, needs, startsWith), 0);
    }
}
