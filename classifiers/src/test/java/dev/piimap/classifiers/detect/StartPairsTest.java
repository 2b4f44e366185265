package dev.piimap.classifiers.detect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start pairs read off a regex, found at the index's word starts, and a spec anchored by them: the same
 * findings and rejections as the spec searched region by region.
 */
class StartPairsTest {
    @Test
    void pairsAreTheFirstTwoCharactersEveryMatchStartsWith() {
        assertThat(pairs("(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}")).containsExactly("AB", "AC", "AK", "AS");
        assertThat(pairs("gh[pousr]_[A-Za-z0-9]{36,251}")).containsExactly("gh");
        assertThat(pairs("[sr]k_live_[A-Za-z0-9]{16,}")).containsExactly("rk", "sk");
        assertThat(pairs("[Aa][Bb]+")).containsExactly("AB", "Ab", "aB", "ab");
        assertThat(pairs("\\bx-[0-9]")).as("assertions consume nothing").containsExactly("x-");
        assertThat(pairs("[0-9]{3}-[A-Z]")).as("a digit first").isNull();
        assertThat(pairs("-----BEGIN")).as("a symbol first").isNull();
        assertThat(pairs("a|bc")).as("a match of one character").isNull();
        assertThat(pairs("é[a-z]")).as("a first character outside ASCII").isNull();
        assertThat(pairs("x[a-zé]")).as("a second character outside ASCII").isNull();
        assertThat(pairs("[A-Z]{2}[0-9]{2}")).as("676 pairs").isNull();
    }

    @Test
    void findsWordStartsWithAPairOnly() {
        StartPairs aws = new StartPairs(new int[] {128 * 'A' + 'K', 128 * 'A' + 'S'});
        String text = "AKIA key=AKIA fooAKIA 1AKIA ak Ak aS x-ASIA AKIAS ÉAS";
        // "fooAKIA" is a camel-case hump, a word start the boundary rule rejects later; "1AKIA" and "ÉAS" follow a digit or a letter.
        assertThat(aws.find(TextIndex.of(text))).containsExactly(0, 9, 17, 39, 44);
        assertThat(aws.find(TextIndex.of("nothing here"))).isEmpty();
    }

    @Test
    void aSpecAnchoredByPairsFindsWhatRegionsFind() {
        DetectorSpec spec = ShippedSpecs.all().stream().filter(s -> s.id().equals("api-token")).findFirst().orElseThrow();
        SpecDetector anchored = new SpecDetector(spec, true);
        SpecDetector everywhere = new SpecDetector(spec, false);
        Random random = new Random(17);
        List<String> prefixes = List.of("AKIA", "ASIA", "ABIA", "ACCA", "ghp_", "gho_", "github_pat_", "glpat-", "xoxb-",
                "xoxp-", "sk_live_", "rk_live_", "AIza", "sk-", "sk-proj-", "akia", "Ghp_", "GLPAT-", "ak", "AK");
        List<String> glue = List.of(" ", "=", ": ", "\n", "-", "_", ".", "/", "x", "foo", "1", "é", "\"", "(", ",");
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        int found = 0;
        for (int t = 0; t < 4_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int f = 1 + random.nextInt(6); f > 0; f--) {
                text.append(glue.get(random.nextInt(glue.size())));
                if (random.nextInt(3) > 0) {
                    text.append(prefixes.get(random.nextInt(prefixes.size())));
                }
                for (int k = random.nextInt(60); k > 0; k--) {
                    text.append(random.nextInt(12) == 0 ? '-' : alnum.charAt(random.nextInt(alnum.length())));
                }
            }
            String s = text.toString();
            Examination expected = everywhere.examine(s);
            assertThat(anchored.examine(s)).as("'%s'", s).isEqualTo(expected);
            found += expected.findings().size();
        }
        assertThat(found).as("tokens found").isGreaterThan(500);
    }

    /** The pairs of {@code regex} as two-character strings, or null when it has none. */
    private static List<String> pairs(String regex) {
        int[] pairs = RegexPrefilter.of(regex, true).startPairs(StartPairs.MAX_PAIRS);
        return pairs == null ? null
                : java.util.Arrays.stream(pairs).mapToObj(p -> "" + (char) (p >> 7) + (char) (p & 127)).toList();
    }
}
