package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Need chains read off a regex, found among the index's positions of the needed characters, and specs
 * anchored by them: the same findings and rejections as the specs searched region by region.
 */
class NeedChainsTest {
    @Test
    void chainsAreTheLongestEveryMatchHoldsWithTheFewestDistances() {
        assertThat(chain("\\b[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}\\b", ":-"))
                .as("a MAC address's five separators").isEqualTo("5 x [3]");
        assertThat(chain("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}", ".")).isEqualTo("2 x [5]");
        assertThat(chain("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}", ".")).as("an IPv4 address's dots").isEqualTo("3 x [2, 3, 4]");
        assertThat(chain("[0-9]{3}-[0-9]{2}-[0-9]{4}", "-")).isEqualTo("2 x [3]");
        assertThat(chain("a::b", ":")).isEqualTo("2 x [1]");
        assertThat(chain("(?::[0-9]){7,9}", ":")).as("at most 7 long").isEqualTo("7 x [2]");
        assertThat(chain("[0-9]{10}:[0-9]:", ":")).as("a chain past the first characters").isEqualTo("2 x [2]");
        assertThat(chain("x:y|x-y-z", ":-")).as("a branch with one needed character").isNull();
        assertThat(chain(":[0-9]*:", ":")).as("needed characters further apart than 8").isNull();
        assertThat(chain("x?", ":")).as("an empty match").isNull();
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
    void findsTheLastCharacterOfEveryChain() {
        NeedChains mac = chainsOf("\\b[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}\\b", ":-");
        assertThat(mac.length()).isEqualTo(2);
        String text = "at 12:30 a-b--c aa:bb-cc x:y:z 1:2:3:4 end";
        // Separators 3 apart: "a-b--c" (10 and 13), "aa:bb-cc" (18 and 21); those of "x:y:z" and "1:2:3:4"
        // are 2 and 4 apart, and only the needed characters count.
        assertThat(mac.find(TextIndex.of(text))).containsExactly(13, 21);
        assertThat(mac.find(TextIndex.of("a:b-:c"))).containsExactly(4);
        assertThat(mac.find(TextIndex.of("no separators"))).isEmpty();

        NeedChains ipv4 = chainsOf("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}", ".");
        // Chains of 3 dots, 2 to 4 apart: "10.0.0.1" and the version "2.4.10.3"; not "e.g." nor "..." nor
        // "3.14", "1.2" or "1.23.4" (too few dots).
        assertThat(ipv4.find(TextIndex.of("e.g. and ... or 3.14 1.2 and 10.0.0.1, 2.4.10.3 or 1.23.4"))).containsExactly(35, 45);
    }

    @Test
    void noChainsForStartsWithPatternsOrNeedsOutsideAscii() {
        assertThat(NeedChains.of(compiled("[0-9]{2}:[0-9]{2}:", ":", List.of()))).isNotNull();
        assertThat(NeedChains.of(compiled("[0-9]{2}:[0-9]{2}:", ":", List.of("at")))).isNull();
        assertThat(NeedChains.of(compiled("[0-9]{2}:[0-9]{2}:", ":é", List.of()))).isNull();
        assertThat(NeedChains.of(compiled("[0-9]{2}:[0-9]{2}:", "", List.of()))).isNull();
    }

    @Test
    void specsAnchoredByNeedChainsFindWhatRegionsFind() {
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

    /** The chains of {@code regex} for {@code needs} as "length x [distances]", or null when it has none. */
    private static String chain(String regex, String needs) {
        NeedChains chains = chainsOf(regex, needs);
        return chains == null ? null : chains.length() + " x " + java.util.Arrays.toString(chains.distances());
    }

    private static NeedChains chainsOf(String regex, String needs) {
        return NeedChains.of(compiled(regex, needs, List.of()));
    }

    private static CompiledPattern compiled(String regex, String needs, List<String> startsWith) {
        return CompiledPattern.of(new DetectorSpec.NamedPattern("p", regex, 0.5, false, needs, startsWith), 0);
    }
}
