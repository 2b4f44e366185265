package dev.piimap.classifiers.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton must find exactly the match of RE2J's {@code lookingAt()}, RE2J's preferences included. */
class AnchoredDfaTest {

    /** What RE2J's {@code lookingAt()} finds in {@code text[from, to)}, as {@link AnchoredDfa#matchEnd} reports it. */
    private static int re2jEnd(Pattern anchored, String text, int from, int to) {
        Matcher m = anchored.matcher(new TextView(text, from, to));
        return m.lookingAt() ? from + m.end() : AnchoredDfa.NO_MATCH;
    }

    private static Pattern anchored(String regex) {
        return Pattern.compile("^(?:" + regex + ")");
    }

    @Test
    void prefersWhatRe2jPrefersNotTheLongest() {
        assertThat(AnchoredDfa.of("a|ab").matchEnd("ab".toCharArray(), 0, 2)).isEqualTo(1);
        assertThat(AnchoredDfa.of("ab|a").matchEnd("ab".toCharArray(), 0, 2)).isEqualTo(2);
        assertThat(AnchoredDfa.of("a*?").matchEnd("aaa".toCharArray(), 0, 3)).isEqualTo(0);
        assertThat(AnchoredDfa.of("a+?b?").matchEnd("aab".toCharArray(), 0, 3)).isEqualTo(1);
        assertThat(AnchoredDfa.of("(?:a|ab)(?:c|bcd)").matchEnd("abcd".toCharArray(), 0, 4)).isEqualTo(4);
        assertThat(AnchoredDfa.of("a{2,3}").matchEnd("aaaa".toCharArray(), 0, 4)).isEqualTo(3);
        assertThat(AnchoredDfa.of("a{2,3}?").matchEnd("aaaa".toCharArray(), 0, 4)).isEqualTo(2);
        assertThat(AnchoredDfa.of("x").matchEnd("ab".toCharArray(), 0, 2)).isEqualTo(AnchoredDfa.NO_MATCH);
        // The window's end is the text's end.
        assertThat(AnchoredDfa.of("ab+").matchEnd("abbbb".toCharArray(), 0, 3)).isEqualTo(3);
    }

    @Test
    void judgesALeadingWordBoundaryAsRe2jDoesAtTheStartOfItsInput() {
        AnchoredDfa dfa = AnchoredDfa.of("\\b[a-z]+/[0-9]");
        assertThat(dfa.matchEnd("ab/1".toCharArray(), 0, 4)).isEqualTo(4);
        assertThat(dfa.matchEnd("-ab/1".toCharArray(), 0, 5)).isEqualTo(AnchoredDfa.NO_MATCH);
        assertThat(dfa.matchEnd("".toCharArray(), 0, 0)).isEqualTo(AnchoredDfa.NO_MATCH);
    }

    @Test
    void leavesCharactersOutsideAsciiToRe2jOnlyWhereAThreadMightTakeThem() {
        AnchoredDfa comment = AnchoredDfa.of("x \\([^()]*\\)");
        assertThat(comment.matchEnd("x (é)".toCharArray(), 0, 5)).isEqualTo(AnchoredDfa.UNDECIDED);
        AnchoredDfa letters = AnchoredDfa.of("[a-z]+");
        assertThat(letters.matchEnd("abé".toCharArray(), 0, 3)).isEqualTo(2);
        // Case folding takes K (U+212A, the Kelvin sign) for k: RE2J decides.
        assertThat(AnchoredDfa.of("(?i)k+").matchEnd("k\u212a".toCharArray(), 0, 2)).isEqualTo(AnchoredDfa.UNDECIDED);
    }

    @Test
    void refusesWhatItCannotModelExactly() {
        assertThat(AnchoredDfa.of("a\\b")).isNull();
        assertThat(AnchoredDfa.of("\\ba|b")).isNull();
        assertThat(AnchoredDfa.of("^a")).isNull();
        assertThat(AnchoredDfa.of("a$")).isNull();
        assertThat(AnchoredDfa.of("a{100}")).isNull();
        assertThat(AnchoredDfa.of("(?i:a(?-i:b))")).isNull();
        assertThat(AnchoredDfa.of("(?U)a*")).isNull();
        assertThat(AnchoredDfa.of("\\Qa\\E")).isNull();
        assertThat(AnchoredDfa.of("(?:\\ba)|b")).isNull();
        assertThat(AnchoredDfa.of("\\b(?:a|b)")).isNotNull();
    }

    /** Random regexes over a small alphabet, every operator and preference RE2J has, against RE2J itself. */
    @Test
    void agreesWithRe2jOnRandomRegexes() {
        Random random = new Random(11);
        int compared = 0;
        for (int r = 0; r < 3_000; r++) {
            String regex = randomRegex(random, 3);
            AnchoredDfa dfa = AnchoredDfa.of(regex);
            assertThat(dfa).as(regex).isNotNull();
            Pattern re2j = anchored(regex);
            for (int t = 0; t < 40; t++) {
                String text = ShapeMemoTest.randomText(random, "abc", random.nextInt(9));
                assertThat(dfa.matchEnd(text.toCharArray(), 0, text.length())).as("%s on '%s'", regex, text)
                        .isEqualTo(re2jEnd(re2j, text, 0, text.length()));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(120_000);
    }

    private static String randomRegex(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(3) : random.nextInt(9);
        return switch (kind) {
            case 0 -> String.valueOf("abc".charAt(random.nextInt(3)));
            case 1 -> random.nextBoolean() ? "[ab]" : "[^a]";
            case 2 -> random.nextBoolean() ? "" : "(?i:B)";
            case 3, 4 -> randomRegex(random, depth - 1) + randomRegex(random, depth - 1);
            case 5 -> "(?:" + randomRegex(random, depth - 1) + "|" + randomRegex(random, depth - 1) + ")";
            default -> "(?:" + randomRegex(random, depth - 1) + ")"
                    + List.of("*", "+", "?", "*?", "+?", "??", "{1,2}", "{0,2}?", "{2}").get(random.nextInt(9));
        };
    }

    /**
     * Every shipped pattern the automaton models, at every start of random text made of the pieces such
     * patterns meet (user-agent strings, product tokens, comments, characters outside ASCII).
     */
    @Test
    void agreesWithRe2jOnEveryShippedPatternItModels() {
        String[] pieces = {"Mozilla/5.0", " (Windows NT 10.0; Win64; x64)", " AppleWebKit/537.36", " (KHTML, like Gecko)",
            " Chrome/131.0.0.0", " Safari/537.36", " Mobile/15E148", " Mobile Safari/604.1", "App/3.2", " (iPhone; iOS 18.1)",
            "curl/8.4.0", "okhttp/4.12", "Googlebot/2.1", " (compatible; bingbot/2.0)", "(", ")", " ", "/", "/9", ".", "-",
            "_", "+", ";", "é", "\n", "a", "Z", "9", "user@example.com", "AKIA", "ghp_", "X", "0", "2024-11-30", "rv:1.9"};
        Random random = new Random(13);
        List<String> modelled = new ArrayList<>();
        for (DetectorSpec spec : ShippedSpecs.all()) {
            for (DetectorSpec.NamedPattern p : spec.patterns()) {
                if (!p.regex().contains("(?P<") && AnchoredDfa.of(p.regex()) != null) {
                    modelled.add(p.regex());
                }
            }
        }
        assertThat(modelled).hasSizeGreaterThanOrEqualTo(3);
        int matches = 0;
        for (String regex : modelled) {
            AnchoredDfa dfa = AnchoredDfa.of(regex);
            Pattern re2j = anchored(regex);
            for (int i = 0; i < 300; i++) {
                String text = ShapeMemoTest.randomPieces(random, pieces, 12);
                char[] chars = text.toCharArray();
                for (int from = 0; from < text.length(); from++) {
                    int to = from + random.nextInt(text.length() - from + 1);
                    int end = dfa.matchEnd(chars, from, to);
                    if (end != AnchoredDfa.UNDECIDED) {
                        assertThat(end).as("%s at %d of '%s'", regex, from, text).isEqualTo(re2jEnd(re2j, text, from, to));
                        matches += end >= 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(100);
    }
}
